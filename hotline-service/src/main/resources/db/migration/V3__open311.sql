-- Open311 GeoReport v2 (wiki.open311.org/GeoReport_v2): the services each town offers to outside clients, the
-- clients' api keys, and what a request brings beyond the work order it becomes.

-- A town's Open311 service list. Each service is a hotline category and work-order type; metadata stays false
-- (no attributes) and type realtime (a POST creates the work order at once).
CREATE TABLE open311_service (
    town_code     VARCHAR(12)  NOT NULL,
    service_code  VARCHAR(40)  NOT NULL,
    service_name  VARCHAR(100) NOT NULL,
    description   VARCHAR(1000) NULL,
    metadata      BOOLEAN      NOT NULL DEFAULT FALSE,
    type          VARCHAR(10)  NOT NULL DEFAULT 'realtime',
    keywords      VARCHAR(500) NULL,
    service_group VARCHAR(100) NULL,
    category      VARCHAR(100) NOT NULL,
    order_type    VARCHAR(20)  NOT NULL,
    PRIMARY KEY (town_code, service_code)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Defaults for the district's ten towns; a deployment with other towns inserts its own rows (see README).
INSERT INTO open311_service (town_code, service_code, service_name, description, keywords, service_group, category, order_type)
SELECT t.town_code, s.service_code, s.service_name, s.description, s.keywords, s.service_group, s.category, s.order_type
FROM (SELECT '440606001' AS town_code UNION ALL SELECT '440606002' UNION ALL SELECT '440606003'
      UNION ALL SELECT '440606004' UNION ALL SELECT '440606100' UNION ALL SELECT '440606101'
      UNION ALL SELECT '440606102' UNION ALL SELECT '440606103' UNION ALL SELECT '440606104'
      UNION ALL SELECT '440606105') t
CROSS JOIN (
    SELECT '001' AS service_code, '占道经营' AS service_name,
           '店外经营、流动摊贩占用道路或人行道' AS description,
           '摆摊,流动摊贩,店外经营,占道' AS keywords, '市容环境' AS service_group,
           '城市管理/占道经营' AS category, 'COMPLAINT' AS order_type
    UNION ALL SELECT '002', '噪音扰民', '施工、商铺、娱乐场所等噪音影响休息',
           '噪音,噪声,施工,扰民', '生态环境', '环境保护/噪音扰民', 'COMPLAINT'
    UNION ALL SELECT '003', '路灯损坏', '路灯不亮、损坏或倒伏',
           '路灯,照明,不亮', '市政设施', '市政设施/路灯损坏', 'HELP'
    UNION ALL SELECT '004', '垃圾清运', '生活垃圾、建筑垃圾未及时清运',
           '垃圾,清运,垃圾桶,卫生', '市容环境', '城市管理/垃圾清运', 'HELP'
    UNION ALL SELECT '005', '井盖缺失', '井盖缺失、破损或松动，存在安全隐患',
           '井盖,窨井,下水道,安全隐患', '市政设施', '市政设施/井盖缺失', 'HELP'
    UNION ALL SELECT '006', '违法建设', '未经许可的搭建、加建、改建',
           '违建,违章建筑,搭建,加建', '规划建设', '城市管理/违法建设', 'REPORT'
) s;

-- Clients that may POST requests. Only the SHA-256 of a key is kept; town_code NULL = every town.
-- A request's work order is filed by the agent 'open311:<client_name>'.
CREATE TABLE open311_api_key (
    key_hash    CHAR(64)     NOT NULL PRIMARY KEY,
    client_name VARCHAR(80)  NOT NULL,
    town_code   VARCHAR(12)  NULL,
    active      BOOLEAN      NOT NULL DEFAULT TRUE,
    created_at  TIMESTAMP(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- The local stack's development key, zhenwu-dev-open311-key: refused outside the dev and test profiles.
INSERT INTO open311_api_key (key_hash, client_name, town_code, active)
VALUES (SHA2('zhenwu-dev-open311-key', 256), 'dev-portal', NULL, TRUE);

-- What a request brings beyond its work order, written in the same transaction as the intake.
-- email, device_id and account_id are personal data: kept for the agents, never returned by Open311.
CREATE TABLE open311_request (
    work_order_id  CHAR(36)      NOT NULL PRIMARY KEY,
    town_code      VARCHAR(12)   NOT NULL,
    service_code   VARCHAR(40)   NOT NULL,
    client_name    VARCHAR(80)   NOT NULL,
    lat            DECIMAL(10,7) NULL,
    lng            DECIMAL(10,7) NULL,
    address_string VARCHAR(500)  NULL,
    address_id     VARCHAR(100)  NULL,
    media_url      VARCHAR(1000) NULL,
    email          VARCHAR(200)  NULL,
    device_id      VARCHAR(200)  NULL,
    account_id     VARCHAR(100)  NULL,
    attributes     TEXT          NULL,
    created_at     TIMESTAMP(6)  NOT NULL,
    KEY ix_open311_request_town_service (town_code, service_code)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- GET tokens/{token}: every request also gets a token that resolves to its service_request_id.
CREATE TABLE open311_token (
    token         CHAR(36)    NOT NULL PRIMARY KEY,
    town_code     VARCHAR(12) NOT NULL,
    work_order_id CHAR(36)    NOT NULL,
    created_at    TIMESTAMP(6) NOT NULL,
    UNIQUE KEY uk_open311_token_order (work_order_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

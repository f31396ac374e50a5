package org.zhenwu.gateway.security;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** Portal origins allowed to call the API from a browser ({@code ZHENWU_CORS_ORIGINS}, comma-separated). */
@ConfigurationProperties("zhenwu.gateway.cors")
record CorsProperties(@DefaultValue("http://localhost:3000") List<String> allowedOrigins) {
}

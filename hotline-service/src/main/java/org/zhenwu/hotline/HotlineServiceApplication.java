package org.zhenwu.hotline;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class HotlineServiceApplication {
    public static void main(String[] args) {
        SpringApplication.run(HotlineServiceApplication.class, args);
    }
}

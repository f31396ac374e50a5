package org.zhenwu.fleet;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class FleetServiceApplication {
    public static void main(String[] args) {
        SpringApplication.run(FleetServiceApplication.class, args);
    }
}

package org.zhenwu.servicehall;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class ServiceHallServiceApplication {
    public static void main(String[] args) {
        SpringApplication.run(ServiceHallServiceApplication.class, args);
    }
}

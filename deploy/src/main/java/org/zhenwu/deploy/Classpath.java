package org.zhenwu.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The classpath for child JVMs (the Kafka broker): this module's runtime dependencies. */
final class Classpath {

    /** Written by {@code dependency:build-classpath} during {@code generate-resources}. */
    static final String FILE_PROPERTY = "zhenwu.classpath.file";

    private Classpath() { }

    static String forChildJvms() {
        String file = System.getProperty(FILE_PROPERTY);
        if (file != null) {
            return read(Path.of(file));
        }
        for (Path candidate : new Path[] {Path.of("deploy/target/classpath.txt"), Path.of("target/classpath.txt")}) {
            if (Files.isRegularFile(candidate)) {
                return read(candidate);
            }
        }
        // launched as `java -cp deploy/target/classes:$(cat classpath.txt)`: our own classpath has everything
        return System.getProperty("java.class.path");
    }

    private static String read(Path file) {
        try {
            return Files.readString(file).trim();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read classpath file " + file, e);
        }
    }
}

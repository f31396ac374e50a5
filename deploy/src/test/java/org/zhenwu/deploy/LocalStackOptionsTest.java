package org.zhenwu.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

class LocalStackOptionsTest {

    private final LocalStack.Settings defaults = LocalStack.Settings.devDefaults(Path.of("."));

    @Test
    void the_one_command_uses_class_data_sharing_unless_told_not_to() {
        boolean offInEnvironment = "false".equalsIgnoreCase(System.getenv("ZHENWU_CDS"));

        assertThat(LocalStack.parse(new String[0], defaults).classDataSharing()).isEqualTo(!offInEnvironment);
        assertThat(LocalStack.parse(new String[] {"--no-cds"}, defaults).classDataSharing()).isFalse();
        assertThat(LocalStack.parse(new String[] {"--no-cds", "--cds"}, defaults).classDataSharing()).isTrue();
        assertThat(LocalStack.parse(new String[] {"--only", "hotline", "--no-cds"}, defaults).selected())
                .containsExactly("hotline-service");
    }

    @Test
    void stacks_built_in_code_keep_their_own_choice() {
        // tests and benchmarks start isolated stacks from devDefaults: no training runs unless they ask for them
        assertThat(defaults.classDataSharing()).isFalse();
    }
}

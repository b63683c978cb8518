package dev.lectern.plugin.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PluginApiTest {

    @Test
    void theConstantMatchesTheVersionTheBuildWritesIntoPluginManifests() {
        assertThat(PluginApi.VERSION).isEqualTo(System.getProperty("lectern.plugin.api.version"));
    }

    @Test
    void majorVersionsAreRead() {
        assertThat(PluginApi.major("1.2.3")).isEqualTo(1);
        assertThat(PluginApi.major("12")).isEqualTo(12);
        assertThat(PluginApi.major("x.1")).isEqualTo(-1);
        assertThat(PluginApi.major(null)).isEqualTo(-1);
    }
}

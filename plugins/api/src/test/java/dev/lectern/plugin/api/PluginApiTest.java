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

    @Test
    void aPluginForANewerMinorOrAnotherMajorVersionCannotRun() {
        int major = PluginApi.major(PluginApi.VERSION);
        assertThat(PluginApi.incompatibility(PluginApi.VERSION)).isNull();
        assertThat(PluginApi.incompatibility(major + ".0.0")).isNull();
        assertThat(PluginApi.incompatibility(major + ".99.0")).isEqualTo("the plugin needs a newer server");
        assertThat(PluginApi.incompatibility((major + 1) + ".0.0")).isEqualTo("major versions differ");
    }
}

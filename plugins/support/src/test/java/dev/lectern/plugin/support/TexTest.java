package dev.lectern.plugin.support;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TexTest {

    @Test
    void fourSignificantDigitsAndPowersOfTenOutsideTheLectureRange() {
        assertThat(Tex.num(0.5)).isEqualTo("0.5000");
        assertThat(Tex.num(-3.63029)).isEqualTo("-3.630");
        assertThat(Tex.num(1.16636)).isEqualTo("1.166");
        assertThat(Tex.num(65.1419)).isEqualTo("65.14");
        assertThat(Tex.num(3.2e-7)).isEqualTo("3.200 \\times 10^{-7}");
        assertThat(Tex.num(-4.5e9)).isEqualTo("-4.500 \\times 10^{9}");
        assertThat(Tex.num(0)).isEqualTo("0");
        assertThat(Tex.signed(-3.63)).isEqualTo("- 3.630");
        assertThat(Tex.signed(1.17)).isEqualTo("+ 1.170");
        assertThat(Tex.factor(-3.214)).isEqualTo("(-3.214)");
        assertThat(Tex.factor(0.01)).isEqualTo("0.01000");
        assertThat(Tex.given(0.01)).isEqualTo("0.01");
        assertThat(Tex.given(0.015)).isEqualTo("0.015");
        assertThat(Tex.given(1.23456)).isEqualTo("1.235");
    }
}

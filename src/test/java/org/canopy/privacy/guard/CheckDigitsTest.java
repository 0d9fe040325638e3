package org.canopy.privacy.guard;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CheckDigitsTest {

    @Test
    void nhsNumberModulus11() {
        // 9*10 + 4*9 + 3*8 + 4*7 + 7*6 + 6*5 + 5*4 + 9*3 + 1*2 = 299; 299 mod 11 = 2; 11 - 2 = 9
        assertThat(CheckDigits.isNhsNumber("9434765919")).isTrue();
        assertThat(CheckDigits.isNhsNumber("9434765918")).isFalse();
        assertThat(CheckDigits.isNhsNumber("4010232137")).isTrue();
        // 1*10 + 2*9 + ... + 9*2 = 210; 210 mod 11 = 1; 11 - 1 = 10, which no NHS number has
        assertThat(CheckDigits.isNhsNumber("1234567890")).isFalse();
        assertThat(CheckDigits.isNhsNumber("943476591")).isFalse();
    }

    @Test
    void nhsNumberWhoseRemainderIsZeroHasCheckDigitZero() {
        // 000000014: 1*3 + 4*2 = 11; 11 mod 11 = 0; 11 - 0 = 11, written as check digit 0
        assertThat(CheckDigits.isNhsNumber("0000000140")).isTrue();
        assertThat(CheckDigits.isNhsNumber("0000000141")).isFalse();
    }

    @Test
    void uniquePupilNumberCheckLetter() {
        // B801200005001: 8*2 + 0*3 + 1*4 + 2*5 + 0 + ... + 5*10 + 0*11 + 0*12 + 1*13 = 93; 93 mod 23 = 1 -> B
        assertThat(CheckDigits.isUniquePupilNumber("B801200005001")).isTrue();
        assertThat(CheckDigits.isUniquePupilNumber("A801200005001")).isFalse();
        assertThat(CheckDigits.isUniquePupilNumber("H801200001001")).isTrue();
        // Temporary UPN: the final A counts as its index 0 in ABCDEFGHJKLMNPQRTUVWXYZ
        assertThat(CheckDigits.isUniquePupilNumber("G80120000101A")).isTrue();
        assertThat(CheckDigits.isUniquePupilNumber("H80120000101A")).isFalse();
        // I, O and S are never used, neither as check letter nor as the final letter
        assertThat(CheckDigits.isUniquePupilNumber("I801200005001")).isFalse();
        assertThat(CheckDigits.isUniquePupilNumber("G80120000101O")).isFalse();
        // B207000016049: 2*2 + 7*4 + 1*9 + 6*10 + 4*12 + 9*13 = 266; 266 mod 23 = 13 -> P
        assertThat(CheckDigits.isUniquePupilNumber("P207000016049")).isTrue();
        assertThat(CheckDigits.isUniquePupilNumber("Q207000016049")).isFalse();
    }
}

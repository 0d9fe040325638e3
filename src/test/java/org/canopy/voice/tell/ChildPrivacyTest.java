package org.canopy.voice.tell;

import static org.assertj.core.api.Assertions.assertThat;

import org.canopy.privacy.guard.PatternIdentifierGuard;
import org.canopy.web.FieldProblem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The tell us page's privacy check in a child's words, and its danger words: what is refused or marked, and what is not. */
class ChildPrivacyTest {

    private final ChildPrivacy privacy = new ChildPrivacy(new PatternIdentifierGuard());

    private String refusal(String text) {
        var problems = privacy.problems("message", text);
        assertThat(problems).as(text).hasSize(1);
        assertThat(problems.get(0).field()).isEqualTo("message");
        return problems.get(0).message();
    }

    @Test
    void eachKindIsNamedInWordsAChildReadsWithoutRepeatingIt() {
        assertThat(refusal("Ring me on 07700 900123 please")).isEqualTo(
                "It looks like you wrote a phone number. Please take it out. We don't need to know who you are, so we can keep you safe.")
                .doesNotContain("07700");
        assertThat(refusal("my email is sam.smith@example.com")).startsWith("It looks like you wrote an email address.");
        assertThat(refusal("I live near E1 4DG")).startsWith("It looks like you wrote a postcode");
        assertThat(refusal("I live near e1 4dg")).startsWith("It looks like you wrote a postcode");
        assertThat(refusal("Hi, my name is Sam Smith and I am sad")).isEqualTo(ChildPrivacy.NAME).doesNotContain("Sam");
        assertThat(refusal("I'm called Sam")).isEqualTo(ChildPrivacy.NAME);
        assertThat(refusal("I go to Bow School and people are mean")).isEqualTo(ChildPrivacy.SCHOOL);
        assertThat(refusal("i'm in year 7 at st paul's way school")).isEqualTo(ChildPrivacy.SCHOOL);
        assertThat(refusal("My sister attends Morpeth Academy")).isEqualTo(ChildPrivacy.SCHOOL);
    }

    @ParameterizedTest
    @ValueSource(strings = {"I go to school and people are mean to me", "We go to the same school", "I hate my school",
            "I'm at a new school this year", "I go to secondary school next year", "There should be more clubs after school",
            "Nobody listens to what my name means to me"})
    void ordinaryWordsAboutSchoolPass(String text) {
        assertThat(privacy.problems("message", text)).extracting(FieldProblem::message).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"My dad hits me when he is angry", "I am scared to go home", "I want to kill myself",
            "Someone online said he is going to hurt me", "I don\u2019t feel SAFE. Not safe at all", "please help me"})
    void dangerWordsAreFound(String text) {
        assertThat(DangerWords.in(text)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"The park needs better lights", "I like my school but the bus is late", "Whitehurst me", "safely home"})
    void ordinaryWordsAreNotDanger(String text) {
        assertThat(DangerWords.in(text)).isFalse();
    }
}

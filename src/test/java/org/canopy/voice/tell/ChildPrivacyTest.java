package org.canopy.voice.tell;

import static org.assertj.core.api.Assertions.assertThat;

import org.canopy.privacy.IdentifierKind;
import org.canopy.privacy.guard.PatternIdentifierGuard;
import org.canopy.web.FieldProblem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
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

    /** A name, a school and an address in the forms children write them: each is refused, in a child's words. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "I am Zara and I am scared | NAME",
        "i am zara and nobody listens | NAME",
        "I'm Daniel, I'm in year 9 | NAME",
        "Name: Aisha | NAME",
        "name: fatima | NAME",
        "my name is Kacper | NAME",
        "please help me. from Noor x | NAME",
        "my school is Langdon Park | SCHOOL",
        "my school is langdon park school and its bad | SCHOOL",
        "Langdon Park is where I go | SCHOOL",
        "bow school is where i go | SCHOOL",
        "I go to Morpeth School | SCHOOL",
        "I live at E1  4DG | POSTCODE",
        "we are at e14  2bg | POSTCODE",
        "I live at 12 Bow Road | ADDRESS",
        "we live at flat 3, 45 cable street | ADDRESS",
        "my number is 0 7 7 0 0 9 0 0 1 2 3 | PHONE",
        "text me 07 700 900 123 | PHONE",
        "call 0770-090-0123 | PHONE"})
    void theFormsChildrenWriteAreRefused(String text, String what) {
        String expected = switch (what) {
            case "NAME" -> ChildPrivacy.NAME;
            case "SCHOOL" -> ChildPrivacy.SCHOOL;
            case "ADDRESS" -> ChildPrivacy.ADDRESS;
            case "POSTCODE" -> ChildPrivacy.message(IdentifierKind.POSTCODE);
            default -> ChildPrivacy.message(IdentifierKind.PHONE_NUMBER);
        };
        assertThat(privacy.problems("message", text)).extracting(FieldProblem::message).as(text).contains(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"i am sad and i am scared", "I am fine but my dad shouts", "I am 12 and I am in year 7",
            "my school is really strict", "my school is bad and teachers shout", "the park is where I go to feel safe",
            "I waited 2 hours in the park", "I have 3 best friends at the youth club", "I am being bullied at school",
            "my brother and sister are scared too", "I was 11 when it started and now I am 13"})
    void whatAChildSaysAboutTheirLifePasses(String text) {
        assertThat(privacy.problems("message", text)).extracting(FieldProblem::message).as(text).isEmpty();
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

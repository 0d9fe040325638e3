package org.canopy.privacy.guard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.ArrayList;
import java.util.List;
import org.canopy.privacy.ChildCue;
import org.canopy.privacy.FoundIdentifier;
import org.canopy.privacy.IdentifierKind;
import org.canopy.privacy.IdentifiersFound;
import org.canopy.privacy.TextProblem;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** A child's name, found by the cue next to it; adults named in their work, places and pseudonyms pass. */
class ChildNamesTest {

    private final PatternIdentifierGuard guard = new PatternIdentifierGuard();

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "Zara, 6, and her sister were visited after school | Zara | AGE",
        "Daniel Okoro (14) told his form tutor at Langdon Park | Daniel Okoro | AGE",
        "Isaac's grandmother asked for a carer's assessment | Isaac | FAMILY",
        "Infant Noor Hussain, 3 weeks, was admitted | Noor Hussain | AGE",
        "Seen with Zara aged 7 at the clinic | Zara | AGE",
        "Mohammed is 14. | Mohammed | AGE",
        "Referral for AISHA 7yo from the GP | AISHA | AGE",
        "the 7-year-old Aisha was seen | Aisha | AGE",
        "Fatima attends Bow School | Fatima | SCHOOL",
        "Ibrahim, year 8 at Stepney All Saints, was excluded | Ibrahim | SCHOOL",
        "Zara disclosed at Morpeth School on Monday | Zara | SCHOOL",
        "Concern raised by Yusuf's teacher | Yusuf | SCHOOL",
        "Zara and her sister were seen | Zara | FAMILY",
        "Visit to her brother Adam | Adam | FAMILY",
        "The mother of Zara declined | Zara | FAMILY",
        "Fatima (mother) declined the offer | Fatima | FAMILY",
        "Zara (born 2012) was seen | Zara | BIRTH",
        "Baby born to Fatima Khan on the ward | Fatima Khan | BIRTH",
        "the child, Zara, was seen | Zara | CHILD_WORDS",
        "Spoke to young person Daniel | Daniel | CHILD_WORDS",
        "baby Noor was admitted | Noor | CHILD_WORDS",
        "Zara, a looked after child, moved | Zara | CHILD_WORDS",
        "Zoë, 4, in nursery | Zoë | AGE",
        "Mary-Jane Okoro-Smith (15) went missing | Mary-Jane Okoro-Smith | AGE",
        "Isaac\u2019s grandmother called | Isaac | FAMILY"})
    void findsAChildsNameByItsCue(String text, String name, ChildCue cue) {
        var found = guard.scan(text);
        assertThat(found).as(text).hasSize(1);
        assertThat(found.get(0).kind()).isEqualTo(IdentifierKind.CHILD_NAME);
        assertThat(found.get(0).cue()).as(text).isEqualTo(cue);
        assertThat(text.substring(found.get(0).start(), found.get(0).end())).isEqualTo(name);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "The named nurse, Ms Adeyemi, trained 40 staff",
        "Young people aged 12 to 16 made up half of the referrals",
        "The SCR for 'Ollie' relates to neglect and historic sexually harmful behaviour and the SCR for 'Kamrul' relates to a child who suffered from a fatal allergic reaction.",
        "William Davis School took part in the audit with Cubitt Town Primary.",
        "Victoria Park, year 6 pupils and their parents attended.",
        "Jane Smith, Year 6 teacher at Bow School, led the audit.",
        "Head of Children, Sarah Jones, chaired the meeting.",
        "Sarah Jones, 12 years in post, chaired the panel.",
        "Priya Shah attended the School Safeguarding Leads network",
        "DCI Sarah Khan (Metropolitan Police) presented 14 cases.",
        "St Mary's school and St Paul's Way Trust school joined the programme.",
        "Will the panel agree the plan? May 2021 saw 12 referrals.",
        "White British (14), Black African (12) and Bangladeshi (40) children were referred.",
        "Foster carers' training ran in June: 24 attended.",
        "Amber, 3 actions; green, 12.",
        "Mohammed Ali, the partnership's chair, opened the conference with 200 delegates.",
        "Children aged 3 to 13 years old were supported by the holiday scheme."})
    void adultsAtWorkPlacesAndCountsPass(String text) {
        assertThat(guard.scan(text)).as(text).isEmpty();
    }

    @Test
    void theProblemSaysWhereAndWhyWithoutTheName() {
        var refused = catchThrowableOfType(IdentifiersFound.class, () -> guard.check("narrative", "The narrative", "Zara, 7, was seen"));
        assertThat(refused.problems()).extracting(TextProblem::message).containsExactly(
                "A child's name appears next to their age in the narrative (characters 1 to 4): write 'a child aged 7' or use the pseudonym.");
        assertThat(guard.problems("summary", "The summary", "Isaac's grandmother called")).extracting(TextProblem::message)
                .containsExactly("A child's name appears next to a family relation in the summary (characters 1 to 5): write the "
                        + "relation without the name ('the child's grandmother') or use the pseudonym")
                .noneMatch(m -> m.contains("Isaac"));
    }

    @Test
    void aPseudonymMayBeAFirstNameButNoOtherIdentifier() {
        var problems = new ArrayList<TextProblem>();
        assertThat(guard.pseudonym("pseudonym", "A pseudonym", "Baby Noor", 60, problems, TextProblem::new)).isEqualTo("Baby Noor");
        assertThat(problems).isEmpty();
        guard.pseudonym("pseudonym", "A pseudonym", "Zara 07700 900123", 60, problems, TextProblem::new);
        assertThat(problems).extracting(TextProblem::message).singleElement().asString().contains("a phone number");
        // The same words in a summary are a child's name.
        assertThat(guard.problems("summary", "The summary", "Baby Noor was admitted")).hasSize(1);
    }

    @Test
    void aChildWritingAboutThemselvesIsReadInTheirOwnForms() {
        for (String text : List.of("I am Zara and I am scared", "i am zara", "Name: fatima", "please help, from Zara x", "im daniel")) {
            assertThat(guard.scanChildsOwnWords(text)).as(text).extracting(FoundIdentifier::kind).containsExactly(IdentifierKind.CHILD_NAME);
        }
        for (String text : List.of("i am sad", "I am fine thanks", "I am being bullied at school", "I am 12 and I am scared")) {
            assertThat(guard.scanChildsOwnWords(text)).as(text).isEmpty();
        }
        // Practitioners' prose is not read for "I am": a chair's statement says "I am Sarah Jones, the independent scrutineer".
        assertThat(guard.scan("I am Sarah Jones, the independent scrutineer")).isEmpty();
    }
}

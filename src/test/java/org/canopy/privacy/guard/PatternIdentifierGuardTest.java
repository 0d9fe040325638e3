package org.canopy.privacy.guard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.canopy.privacy.FoundIdentifier;
import org.canopy.privacy.IdentifierKind;
import org.canopy.privacy.IdentifiersFound;
import org.canopy.privacy.TextProblem;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class PatternIdentifierGuardTest {

    private final PatternIdentifierGuard guard = new PatternIdentifierGuard();

    /** A sentence, the identifier in it, and its kind: the guard must find exactly that span. */
    static Stream<Arguments> identifiers() {
        return Stream.of(
                // NHS numbers (Modulus 11 valid), plain and grouped 3-3-4
                Arguments.of("The child's NHS number is 943 476 5919 on the referral.", "943 476 5919",
                        IdentifierKind.NHS_NUMBER),
                Arguments.of("NHS no. 9434765919", "9434765919", IdentifierKind.NHS_NUMBER),
                Arguments.of("Ref 401-023-2137 was quoted by the GP.", "401-023-2137", IdentifierKind.NHS_NUMBER),
                Arguments.of("Health record 485 777 3457.", "485 777 3457", IdentifierKind.NHS_NUMBER),
                Arguments.of("(4505577104)", "4505577104", IdentifierKind.NHS_NUMBER),
                // Unique pupil numbers: check letters per the DfE rule, incl. a temporary UPN and lower case
                Arguments.of("Pupil B801200005001 moved school.", "B801200005001",
                        IdentifierKind.UNIQUE_PUPIL_NUMBER),
                Arguments.of("UPN: H801200001001", "H801200001001", IdentifierKind.UNIQUE_PUPIL_NUMBER),
                Arguments.of("Temporary UPN G80120000101A issued.", "G80120000101A",
                        IdentifierKind.UNIQUE_PUPIL_NUMBER),
                Arguments.of("upn a950000178301 recorded", "a950000178301", IdentifierKind.UNIQUE_PUPIL_NUMBER),
                Arguments.of("H243278544154", "H243278544154", IdentifierKind.UNIQUE_PUPIL_NUMBER),
                // Postcodes, any case, with or without the space
                Arguments.of("The family lives at E1 6AN near the market.", "E1 6AN", IdentifierKind.POSTCODE),
                Arguments.of("Moved to E14 2BG last month.", "E14 2BG", IdentifierKind.POSTCODE),
                Arguments.of("Address: SW1A 1AA", "SW1A 1AA", IdentifierKind.POSTCODE),
                Arguments.of("postcode e16an, flat above the shop", "e16an", IdentifierKind.POSTCODE),
                Arguments.of("Moved to EC1A1BB.", "EC1A1BB", IdentifierKind.POSTCODE),
                // Dates of birth, each with a cue
                Arguments.of("Child A was born on 12/03/2015 at the Royal London.", "12/03/2015",
                        IdentifierKind.DATE_OF_BIRTH),
                Arguments.of("DOB: 12-03-2015", "12-03-2015", IdentifierKind.DATE_OF_BIRTH),
                Arguments.of("D.O.B 12.03.15", "12.03.15", IdentifierKind.DATE_OF_BIRTH),
                Arguments.of("Date of birth 2015-03-12.", "2015-03-12", IdentifierKind.DATE_OF_BIRTH),
                Arguments.of("She was born in Newham on 12 March 2015.", "12 March 2015",
                        IdentifierKind.DATE_OF_BIRTH),
                Arguments.of("His birthday is the 12th of March 2015", "12th of March 2015",
                        IdentifierKind.DATE_OF_BIRTH),
                Arguments.of("Sibling (b. 12th Mar 2015) was present.", "12th Mar 2015",
                        IdentifierKind.DATE_OF_BIRTH),
                Arguments.of("Born March 12, 2015 in hospital", "March 12, 2015", IdentifierKind.DATE_OF_BIRTH),
                Arguments.of("Child B, 12/03/2015 (DOB), was seen.", "12/03/2015", IdentifierKind.DATE_OF_BIRTH),
                Arguments.of("DOB 01/02/2015", "01/02/2015", IdentifierKind.DATE_OF_BIRTH),
                Arguments.of("The youngest was born on 3 March 2014.", "3 March 2014", IdentifierKind.DATE_OF_BIRTH),
                // UK phone numbers: mobiles, landlines, international forms
                Arguments.of("Mum's mobile is 07700 900123.", "07700 900123", IdentifierKind.PHONE_NUMBER),
                Arguments.of("Call 07700900123 after school", "07700900123", IdentifierKind.PHONE_NUMBER),
                Arguments.of("Ring 020 7364 5000 for the duty team", "020 7364 5000", IdentifierKind.PHONE_NUMBER),
                Arguments.of("Ring 0207 364 5000", "0207 364 5000", IdentifierKind.PHONE_NUMBER),
                Arguments.of("Tel (020) 7364 5000.", "(020) 7364 5000", IdentifierKind.PHONE_NUMBER),
                Arguments.of("Grandmother on 01632 960001 in Kent.", "01632 960001", IdentifierKind.PHONE_NUMBER),
                Arguments.of("Landline 0161-496-0000", "0161-496-0000", IdentifierKind.PHONE_NUMBER),
                Arguments.of("Dad abroad: +44 7700 900123", "+44 7700 900123", IdentifierKind.PHONE_NUMBER),
                Arguments.of("Office +44 (0)20 7364 5000", "+44 (0)20 7364 5000", IdentifierKind.PHONE_NUMBER),
                Arguments.of("Call 0044 20 7364 5000 today", "0044 20 7364 5000", IdentifierKind.PHONE_NUMBER),
                Arguments.of("Number 0300 123 4567.", "0300 123 4567", IdentifierKind.PHONE_NUMBER),
                // Email addresses
                Arguments.of("Email the foster carer at jo.bloggs@example.org.", "jo.bloggs@example.org",
                        IdentifierKind.EMAIL_ADDRESS),
                Arguments.of("Contact: family+school@mail.example.co.uk", "family+school@mail.example.co.uk",
                        IdentifierKind.EMAIL_ADDRESS));
    }

    @ParameterizedTest
    @MethodSource("identifiers")
    void findsIdentifier(String text, String identifier, IdentifierKind kind) {
        int start = text.indexOf(identifier);

        assertThat(guard.scan(text)).containsExactly(new FoundIdentifier(kind, start, start + identifier.length()));
    }

    /** Ordinary narrative, most of it from the 2020-21 annual report: nothing in it is an identifier. */
    @ParameterizedTest
    @ValueSource(strings = {
        "In March 2021 there were 2,944 children in need in Tower Hamlets, a rate of 407 per 10,000 children "
                + "which is above both the 2020 national and London rate.",
        "(342 Parents were referred to a parenting programme, 130 Parents received one-to-one support 2020)",
        "In 20-21 we supported 316 children in 148 families.",
        "working with the whole family birth to 19 (25 if you have SEND).",
        "A Social Worker leading the birth to 19 family support workers in the team",
        "the panel met on 12 March 2021",
        "The rapid review panel met on 12/03/2021 and again on 2021-04-09.",
        "There are an estimated 78,000 children and young people aged 0- 19 in Tower Hamlets.",
        "Covid safeguarding guidance developed for 0-19 staff; 0-19 services continued.",
        "Children and Families Plan 2016-19, Child Protection Plans 2016-2021(2)",
        "an estimated population of 325,000 and 16,237 persons per square kilometre",
        "Business Unit Salaries and Oncosts £133,000; Sum Total £204,550",
        "During 2020-21, 3 Rapid Review Panels have been held.",
        "The family has lived in E1 for years and attends a school in E14.",
        "Reference 9434765918 was given (a 10-digit number failing the NHS check).",
        "Case ref 1234567890 is in the log.",
        "A807200005001 fails the UPN check letter.",
        "This is an award-winning confidential messaging service for young people aged 11-19 years.",
        "a safe play environment for children 3 – 13 years old (700 children were supported in 2020)",
        "our work rate has remained high with 346 referrals; only slightly less than 2019/20.",
        "Born Well Growing Well met on 12 March 2021 to agree the plan.",
        "The baby was born prematurely; the review met on 3 May 2021.",
        "Mr B. Jones chaired the meeting on 12 March 2021.",
        "the first 1001 days of a child",
        "Email the business unit through the contact page; follow @THSCP for news.",
        "Childline is on 0800 1111 for any child who needs to talk.",
        "Key Stage 2 (KS2) results, Year 6, the M25 and the A12.",
        "Young scrutineers will be between the ages of 14-18.",
        // Percentages, money, periods, times and meeting dates as contributors write them in narrative.
        "Attendance at ICPCs is currently at 100% and 55.5% of plans were reviewed on time.",
        "The partnership budget was £1,250,000.00 in 2020-21 and £1.3m in 2021-22.",
        "Figures for 2020-21-Q3 and 2021-03 were submitted on 15 April 2021.",
        "Timeliness improved from 72.4% (Q1 2021/22) to 81.0% (Q2).",
        "The meeting on 01/02/2021 at 10:30 reviewed 1,234 referrals.",
        "Contacts rose 12% year on year to 14,502 (2019-20: 12,948), a rate of 407 per 10,000, up 0.33 per cent.",
        "The board met on 3 March 2021; the next review is due by 30/06/2021.",
        "Spend of £2,450,320 against a budget of £2,500,000 (98.0%).",
    })
    void ordinaryNarrativePasses(String text) {
        assertThat(guard.scan(text)).isEmpty();
    }

    @Test
    void nullAndBlankTextPass() {
        assertThat(guard.scan(null)).isEmpty();
        assertThat(guard.scan("  \n ")).isEmpty();
        guard.check("narrative", "The narrative", null);
        guard.check("narrative", "The narrative", "");
    }

    @Test
    void findingsAreSortedAndDoNotOverlap() {
        String text = "Email jo@example.org, phone 07700 900123, NHS 943 476 5919, postcode E1 6AN.";

        List<FoundIdentifier> found = guard.scan(text);

        assertThat(found).extracting(FoundIdentifier::kind).containsExactly(IdentifierKind.EMAIL_ADDRESS,
                IdentifierKind.PHONE_NUMBER, IdentifierKind.NHS_NUMBER, IdentifierKind.POSTCODE);
        for (int i = 1; i < found.size(); i++) {
            assertThat(found.get(i).start()).isGreaterThanOrEqualTo(found.get(i - 1).end());
        }
    }

    @Test
    void aPostcodeInsideAnEmailAddressIsOneFinding() {
        assertThat(guard.scan("e16an@example.org")).containsExactly(
                new FoundIdentifier(IdentifierKind.EMAIL_ADDRESS, 0, 17));
    }

    @Test
    void checkRefusesWithKindAndPositionButNotTheIdentifier() {
        String text = "Child A's NHS 943 476 5919 was on the form.";

        IdentifiersFound refused = catchThrowableOfType(IdentifiersFound.class,
                () -> guard.check("narrative", "The narrative", text));

        assertThat(refused.problems()).containsExactly(new TextProblem("narrative",
                "The narrative contains what looks like an NHS number (characters 15 to 26). Canopy holds no "
                        + "information that identifies a child or family: remove it and describe the situation "
                        + "without it."));
        assertThat(text.substring(14, 26)).isEqualTo("943 476 5919");
        assertThat(refused.getMessage()).doesNotContain("943 476 5919").doesNotContain("9434765919");
        assertThat(refused.problems().toString()).doesNotContain("943 476 5919");
    }

    @Test
    void checkGivesOneProblemPerFinding() {
        String text = "Born on 12/03/2015, lives at E1 6AN, mum on 07700 900123.";

        IdentifiersFound refused = catchThrowableOfType(IdentifiersFound.class,
                () -> guard.check("summary", "the summary", text));

        assertThat(refused.problems()).hasSize(3).allSatisfy(problem -> {
            assertThat(problem.field()).isEqualTo("summary");
            assertThat(problem.message()).startsWith("The summary contains what looks like ")
                    .doesNotContain("12/03/2015").doesNotContain("E1 6AN").doesNotContain("07700");
        });
        assertThat(refused.problems()).extracting(TextProblem::message).satisfiesExactly(
                m -> assertThat(m).contains("a date of birth (characters 9 to 18)"),
                m -> assertThat(m).contains("a postcode (characters 30 to 35)"),
                m -> assertThat(m).contains("a phone number (characters 45 to 56)"));
    }

    @Test
    void checkPassesOrdinaryNarrative() {
        String narrative = "In 20-21 we supported 316 children in 148 families.";

        assertThatCode(() -> guard.check("narrative", "The narrative", narrative)).doesNotThrowAnyException();
        assertThat(guard.scan(narrative)).isEmpty();
    }

    @Test
    void findingsDoNotRevealTheIdentifier() {
        assertThat(guard.scan("NHS 943 476 5919").toString()).doesNotContain("943").doesNotContain("5919");
    }

    @Test
    void longTextWithoutIdentifiersIsScannedQuickly() {
        String text = "a".repeat(20_000) + "@" + "b.".repeat(5_000) + " 1-2-3 ".repeat(2_000);

        assertThat(guard.scan(text)).isEmpty();
    }

    /** The partnership's own published documents (the seeds) must pass whole, when they are present. */
    @ParameterizedTest
    @ValueSource(strings = {"safeguarding-partnership-annual-report-2020-21.txt",
        "children-and-families-plan-2016-19.txt"})
    void theSeedDocumentsPass(String name) throws IOException {
        Path seed = seed(name);
        if (!Files.exists(seed)) {
            // In CI a missing seed is a broken checkout, not a reason to skip.
            assertThat(requiredInCi()).as("seed document %s is missing (CI=%s)", seed.toAbsolutePath().normalize(),
                    System.getenv("CI")).isFalse();
            Assumptions.abort("seed documents are not beside the project");
        }
        String text = Files.readString(seed);

        List<FoundIdentifier> found = guard.scan(text);

        assertThat(found).as(() -> found.stream()
                .map(f -> f.kind() + " '" + text.substring(f.start(), f.end()) + "'").toList().toString())
                .isEmpty();
    }

    /**
     * A seed beside the project ({@code ../shared/seeds}), or, for a clone of a local checkout made elsewhere (a
     * clean clone in a temporary directory, as CI makes), beside the checkout it was cloned from.
     */
    static Path seed(String name) {
        Path beside = Path.of("..", "shared", "seeds", name);
        if (Files.exists(beside)) {
            return beside;
        }
        try {
            var git = new ProcessBuilder("git", "config", "--get", "remote.origin.url").redirectErrorStream(true).start();
            String origin = new String(git.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).strip();
            if (git.waitFor() == 0 && !origin.isEmpty() && Files.isDirectory(Path.of(origin))) {
                return Path.of(origin).resolve(Path.of("..", "shared", "seeds", name)).normalize();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException | java.nio.file.InvalidPathException noGit) {
            // No git, or a remote that is not a local directory: only the seeds beside the project count.
        }
        return beside;
    }

    /** True where the environment says the suite must run whole: CI, or a required browser or database. */
    static boolean requiredInCi() {
        return "true".equalsIgnoreCase(System.getenv("CI")) || "1".equals(System.getenv("CANOPY_REQUIRE_BROWSER"))
                || "1".equals(System.getenv("CANOPY_REQUIRE_POSTGRES"));
    }
}

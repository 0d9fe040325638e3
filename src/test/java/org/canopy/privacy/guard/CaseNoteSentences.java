package org.canopy.privacy.guard;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Generated sentences in the shape of real case notes and partnership prose, from a fixed seed so every run is the
 * same: {@link #withChildsName} names a child next to each kind of cue (age, school, family, birth, words that name
 * a child) in many positions and spellings; {@link #mustPass} names adults in their work, places, schools and
 * programmes, and gives counts and ages without names, with the seeds' own sentences when they are beside the project.
 * The children's names are a London borough's: many are not in the guard's lists, and the figures say so honestly.
 */
public final class CaseNoteSentences {

    /** Children's first names as an inner-London borough's schools hold them, Bangladeshi, Somali, Polish, Nigerian, Turkish, English... */
    static final String[] CHILDREN = {"Zara", "Noor", "Isaac", "Daniel", "Aisha", "Mohammed", "Muhammad", "Fatima", "Kacper",
        "Ibrahim", "Yusuf", "Maryam", "Amira", "Leyla", "Hamza", "Adam", "Olivia", "Amelia", "Jayden", "Tyrone", "Chinedu",
        "Temitope", "Oliwia", "Mateusz", "Zeynep", "Emre", "Sofia", "Luca", "Ali", "Hassan", "Ayesha", "Rahim", "Sumaiya",
        "Tahmid", "Nusrat", "Raihan", "Abdul", "Farhan", "Imran", "Sadia", "Jannat", "Ruby", "Grace", "Lily", "Poppy", "Jack",
        "Harry", "Oscar", "Alfie", "Leo", "Mia", "Isla", "Ava", "Ella", "Freya", "Amara", "Ayaan", "Deborah", "Precious",
        "Kwame", "Kofi", "Abdi", "Hodan", "Ilhan", "Filip", "Zuzanna", "Maja", "Jakub", "Aleksander", "Ismail", "Elif",
        "Yasmin", "Sara", "Joshua", "Samuel", "Nathan", "Tyler", "Kai", "Zain", "Inaya", "Maisie", "Chloé", "Zoë", "José",
        "Mary-Jane", "Abdul-Rahman"};

    static final String[] SURNAMES = {"Okoro", "Hussain", "Begum", "Ahmed", "Khan", "Uddin", "Miah", "Rahman", "Smith",
        "Kowalski", "Nowak", "Yilmaz", "Mensah", "O'Neill", "Okafor", "Islam", "Chowdhury", "Ali", "Patel", "Jones",
        "Williams", "Mohamed", "Osei", "Novak", "Brown", "Okoro-Smith", "Haque", "Akhtar"};

    static final String[] SCHOOLS = {"Bow School", "Morpeth School", "Langdon Park School", "Stepney All Saints School",
        "Mulberry Academy Shoreditch", "Cubitt Town Primary School", "Bonner Primary School", "Swanlea School",
        "Central Foundation Girls' School", "Oaklands School", "Clara Grant Primary School", "Marion Richardson Primary"};

    static final String[] RELATIONS = {"grandmother", "mother", "mum", "father", "dad", "older brother", "sister",
        "younger sister", "stepfather", "aunt", "uncle", "nan", "foster carer", "half-brother", "cousin", "grandad"};

    // One template per line: {N} a child's name, {A} an age 1 to 17, {W} weeks, {M} months, {Y} a school year,
    // {S} a school, {R} a relation, {B} a birth year. Grouped by the cue they carry.
    static final String[] WITH_A_CHILDS_NAME = {
        // age
        "{N}, {A}, was seen at home with mum.",
        "Home visit: {N} ({A}) was in bed when we arrived.",
        "{N} aged {A} disclosed that dad hits him.",
        "Strategy meeting held for {N}, {A} years old, after the allegation.",
        "GP referral received for {N} {A}yo, query neglect.",
        "Police attended and {N} (aged {A}) had gone missing overnight.",
        "{N} is {A} and has not been brought to health appointments.",
        "Concerns about the {A}-year-old {N}, who was found alone.",
        "Infant {N}, {W} weeks, was admitted with a head injury.",
        "{N}, {M} months, was taken to A&E with bruising.",
        "Section 47 enquiry: {N}, {A}, and two siblings.",
        "Health visitor saw {N} ({M} months old) at the clinic.",
        // school
        "{N}, year {Y} at {S}, told a teacher.",
        "{N} attends {S} and has missed 40% of sessions.",
        "{N} disclosed at {S} that she is scared to go home.",
        "{N} (Y{Y}) was excluded for the third time this term.",
        "{N} is in year {Y} and was seen by the school nurse.",
        "Concerns were raised by {N}'s teacher about weight loss.",
        "{N}'s form tutor noticed marks on her arms.",
        "{N} was excluded from {S} in January.",
        // family
        "{N}'s {R} asked for a carer's assessment.",
        "{N} and her {R} were visited after school.",
        "{N} lives with his {R} in temporary accommodation.",
        "Her {R} {N} is also known to services.",
        "The {R} of {N} declined the offer of early help.",
        "Spoke to the child's {R}, {N}, by phone.",
        "{N}'s {R} did not attend the conference.",
        // birth
        "{N} (born {B}) was placed with foster carers.",
        "{N}, born {B}, has an EHCP.",
        "Baby born to {N} at the Royal London; pre-birth assessment completed.",
        "{N} was born in {B} and has lived in the borough since.",
        // words that name a child
        "The child, {N}, was seen alone.",
        "Young person {N} did not want to go home.",
        "Baby {N} was admitted to the ward.",
        "{N}, a looked after child, moved placement twice.",
        "Spoke with the young person, {N}, about the incident.",
        "{N} is a care leaver living in supported accommodation.",
        "The boy, {N}, was found at the station.",
        "Sibling {N} was also spoken to.",
        "The case of infant {N} was discussed at the rapid review."};

    static final String[] ADULTS = {"Sarah", "Jane", "Priya", "Mohammed", "Fatima", "David", "Helen", "Shazia", "Angela",
        "Keith", "James", "Marcus", "Thomas", "Nasima", "Rukhsana", "Michael", "Emma", "Claire", "Ade", "Grace", "Daniel",
        "Aisha", "Rebecca", "Paul"};

    static final String[] TITLES = {"Ms", "Mr", "Dr", "Mrs", "DCI", "Cllr", "Professor", "DS"};

    static final String[] ROLES = {"Designated Nurse", "Head of Service", "independent scrutineer", "Chair of the Quality "
        + "Assurance and Performance group", "Designated Safeguarding Lead", "partnership manager", "Named GP",
        "Detective Superintendent", "Director of Children's Services", "Head of Safeguarding Children", "training coordinator",
        "Local Authority Designated Officer", "named doctor", "business manager", "Divisional Director"};

    static final String[] AGENCIES = {"Metropolitan Police", "Barts Health NHS Trust", "East London NHS Foundation Trust",
        "Children's Social Care", "GP Care Group", "the Clinical Commissioning Group", "Tower Hamlets Council",
        "the Family Group Conference Service", "Parents and Families Support Service"};

    static final String[] PLACES = {"Victoria Park", "Mile End", "Bethnal Green", "Stepney Green", "the Isle of Dogs",
        "Poplar", "Whitechapel", "Shadwell", "Limehouse", "Bow", "Wapping", "Spitalfields", "Cubitt Town", "Millwall",
        "St Paul's Way", "Commercial Road", "Cable Street", "Mile End Road", "Roman Road", "Brick Lane"};

    static final String[] PROGRAMMES = {"Think Family", "Tiger Light", "Health Spot", "ChatHealth", "Signs of Safety",
        "Operation Encompass", "the Safer Schools Partnership", "Young SEND Ambassadors", "the Holiday Childcare scheme",
        "Lifelong Links", "Family Group Conferences", "the Neglect Tool Kit", "Mind of My Own", "the Troubled Families programme"};

    // {F} an adult's first name, {L} a surname, {T} a title, {O} a role, {G} an agency, {P} a place, {S} a school,
    // {Q} a programme, {n} a count, {a}-{b} an age range, {y} a year.
    static final String[] MUST_PASS = {
        "{T} {L}, {O}, chaired the meeting.",
        "{F} {L}, {O} at {G}, presented the annual report.",
        "The named nurse, {T} {L}, trained {n} staff.",
        "{F} {L} ({G}) led the audit of {n} cases.",
        "Thanks to {F} {L}, {O}, for the newsletter.",
        "{F} {L} joined the partnership as {O} in {y}.",
        "Apologies were received from {F} {L} ({G}).",
        "{F} {L}, {O} at {S}, attended the audit.",
        "Action: {F} to circulate the minutes by Friday.",
        "{F} {L} has {n} years' experience in child protection.",
        "{F} {L}, who chairs the group, said the figures for young people aged {a} to {b} were improving.",
        "The chair, {F} {L}, thanked {G} for the data.",
        "{F} reported that {n} children aged {a} to {b} were referred.",
        "Young people aged {a} to {b} made up half of the referrals.",
        "{n} children were seen by the school nurse in year {yy}.",
        "Schools taking part in the audit were {S} and {S}.",
        "{P} Children and Family Centre opened in {y}.",
        "{Q} was rolled out to {n} practitioners across {P}.",
        "The hub on {P} saw {n} families in the quarter.",
        "{n} babies under 1 were subject to a child protection plan.",
        "Children aged 0 to 4 made up {n}% of contacts.",
        "{n} young people aged 16 and 17 were supported by {Q}.",
        "The review of 'Ollie' was shared with {n} schools.",
        "Learning from the 'Kamrul' review reached {n} staff in {S}.",
        "{T} {L} from {G} agreed to take the action to the executive.",
        "{F} {L}'s team audited {n} cases of neglect.",
        "{F} {L}, {O}, and her team trained {n} designated safeguarding leads.",
        "{F} {L} (Chair) opened the conference with {n} delegates.",
        "A {n}-minute briefing was given by {F} {L}, {O}.",
        "The {Q} team met {n} times; {F} {L} chaired.",
        "{F} {L} spoke at {S} about online safety to {n} parents.",
        "{F}, {O}, visited {P} with the young scrutineers.",
        "Attendance at ICPCs rose to {n}% ({F} {L}, {G}).",
        "{G} sent {n} referrals; {F} {L} gave the narrative.",
        "In {y}, {n} children aged {a} to {b} years old were supported by the scheme."};

    private CaseNoteSentences() {
    }

    /** At least {@code count} sentences that name a child next to a cue, every template in turn, from a fixed seed. */
    public static List<String> withChildsName(int count) {
        var random = new Random(20261207L);
        var sentences = new ArrayList<String>(count);
        for (int i = 0; sentences.size() < count; i++) {
            String template = WITH_A_CHILDS_NAME[i % WITH_A_CHILDS_NAME.length];
            sentences.add(fill(template, childsName(random), random));
        }
        return sentences;
    }

    /** At least {@code count} generated sentences that must pass, and the seeds' sentences when they are beside the project. */
    public static List<String> mustPass(int count) throws IOException {
        var random = new Random(20261208L);
        var sentences = new ArrayList<String>();
        for (int i = 0; sentences.size() < count; i++) {
            sentences.add(fill(MUST_PASS[i % MUST_PASS.length], null, random));
        }
        for (String seed : List.of("safeguarding-partnership-annual-report-2020-21.txt", "children-and-families-plan-2016-19.txt")) {
            var path = PatternIdentifierGuardTest.seed(seed);
            if (Files.exists(path)) {
                sentences.addAll(sentencesOf(Files.readString(path)));
            }
        }
        return sentences;
    }

    /** A text's sentences: split at a full stop, question or exclamation mark followed by a space, and at line ends. */
    static List<String> sentencesOf(String text) {
        var out = new ArrayList<String>();
        for (String line : text.split("\\R")) {
            for (String sentence : line.split("(?<=[.!?])\\s+")) {
                if (sentence.strip().length() >= 12) {
                    out.add(sentence.strip());
                }
            }
        }
        return out;
    }

    // A name in one of the ways case notes write it: first name, with a surname, in capitals, with a curly apostrophe.
    private static String childsName(Random random) {
        String first = pick(CHILDREN, random);
        return switch (random.nextInt(6)) {
            case 0, 1 -> first;
            case 2, 3 -> first + " " + pick(SURNAMES, random);
            case 4 -> first.toUpperCase(Locale.ROOT);
            default -> first + " " + pick(SURNAMES, random).toUpperCase(Locale.ROOT);
        };
    }

    private static String fill(String template, String child, Random random) {
        String out = template;
        if (child != null) {
            out = out.replace("{N}", child);
            if (random.nextBoolean()) {
                out = out.replace("'s", "\u2019s");
            }
        }
        out = replaceEach(out, "{A}", () -> String.valueOf(1 + random.nextInt(17)));
        out = replaceEach(out, "{W}", () -> String.valueOf(1 + random.nextInt(11)));
        out = replaceEach(out, "{M}", () -> String.valueOf(1 + random.nextInt(23)));
        out = replaceEach(out, "{Y}", () -> String.valueOf(1 + random.nextInt(13)));
        out = replaceEach(out, "{yy}", () -> String.valueOf(1 + random.nextInt(13)));
        out = replaceEach(out, "{B}", () -> String.valueOf(2006 + random.nextInt(19)));
        out = replaceEach(out, "{S}", () -> pick(SCHOOLS, random));
        out = replaceEach(out, "{R}", () -> pick(RELATIONS, random));
        out = replaceEach(out, "{F}", () -> pick(ADULTS, random));
        out = replaceEach(out, "{L}", () -> pick(SURNAMES, random));
        out = replaceEach(out, "{T}", () -> pick(TITLES, random));
        out = replaceEach(out, "{O}", () -> pick(ROLES, random));
        out = replaceEach(out, "{G}", () -> pick(AGENCIES, random));
        out = replaceEach(out, "{P}", () -> pick(PLACES, random));
        out = replaceEach(out, "{Q}", () -> pick(PROGRAMMES, random));
        out = replaceEach(out, "{n}", () -> String.valueOf(2 + random.nextInt(400)));
        int a = 1 + random.nextInt(12);
        out = out.replace("{a}", String.valueOf(a)).replace("{b}", String.valueOf(a + 2 + random.nextInt(5)));
        out = replaceEach(out, "{y}", () -> String.valueOf(2016 + random.nextInt(10)));
        // A sentence starts with a capital, as case notes do.
        return Character.toUpperCase(out.charAt(0)) + out.substring(1);
    }

    private static String replaceEach(String text, String slot, java.util.function.Supplier<String> value) {
        String out = text;
        int at;
        while ((at = out.indexOf(slot)) >= 0) {
            out = out.substring(0, at) + value.get() + out.substring(at + slot.length());
        }
        return out;
    }

    private static String pick(String[] options, Random random) {
        return options[random.nextInt(options.length)];
    }

}

package org.canopy.voice.tell;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Words that suggest someone may be in danger now. A message holding one shows the help (999, Childline, the front
 * door) first on the thank-you page and is marked for the coordinator to look at that day. The list leans towards
 * marking too many rather than too few: a false mark costs the coordinator a minute, a missed one could cost far more.
 * Each phrase matches as whole words, any case, with straight or curly apostrophes; the README lists them.
 */
final class DangerWords {

    /** The phrases, with the forms a child is likely to write. */
    static final List<String> PHRASES = List.of(
            // Harm to themselves
            "kill myself", "killing myself", "kill my self", "suicide", "suicidal", "end my life", "want to die",
            "wanna die", "hurt myself", "hurting myself", "harm myself", "self harm", "self-harm", "cut myself",
            "cutting myself", "don't want to live", "dont want to live",
            // Harm from someone else
            "hurt me", "hurts me", "hurting me", "going to hurt", "gonna hurt", "hit me", "hits me", "hitting me",
            "beat me", "beats me", "beating me", "kicked me", "kicks me", "touched me", "touches me", "touching me",
            "abuse", "abused", "abusing", "abuser", "rape", "raped", "groomed", "grooming", "threatened me",
            "threatens me", "kill me", "going to kill",
            // Not safe where they are
            "not safe", "unsafe", "in danger", "scared to go home", "afraid to go home", "scared of my",
            "frightened of my", "locked in", "kicked out", "nowhere to sleep", "run away", "ran away",
            "running away", "help me");

    private static final Pattern ANY = Pattern.compile(PHRASES.stream()
            .map(p -> Pattern.quote(p))
            .reduce((a, b) -> a + "|" + b).map(p -> "(?<![\\p{L}])(?:" + p + ")(?![\\p{L}])").orElseThrow());

    private DangerWords() {
    }

    /** Whether {@code text} holds a phrase of the list. */
    static boolean in(String text) {
        if (text == null || text.isBlank()) {
            return false;
        }
        String plain = text.toLowerCase(Locale.UK).replace('\u2019', '\'').replace('\u2018', '\'').replaceAll("\\s+", " ");
        return ANY.matcher(plain).find();
    }
}

package org.canopy.voice.tell;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Where the tell us page sends a child who needs help now ({@code canopy.voice.help.*}), checked at start-up: the
 * borough's children's services front door by name and phone. Unset, the page says "your council's children's
 * services" and gives no number: Canopy never guesses a council's number. 999 and Childline are the same everywhere.
 */
@Validated
@ConfigurationProperties("canopy.voice.help")
record HelpSettings(@Size(max = 120) String frontDoorName,
        @Size(max = 20) @Pattern(regexp = "([0-9 ]{3,20})?", message = "canopy.voice.help.front-door-phone must be a phone number in digits and spaces, such as 020 7946 0000")
        String frontDoorPhone) {

    /** Where to get help now, most urgent first, as the page and the API give it. */
    record HelpLine(String name, String phone, String when) {
    }

    @AssertTrue(message = "canopy.voice.help.front-door-phone needs canopy.voice.help.front-door-name: a number without a name tells a child nothing")
    boolean isPhoneNamed() {
        return frontDoorPhone == null || frontDoorPhone.isBlank() || (frontDoorName != null && !frontDoorName.isBlank());
    }

    /** The front door's name, or "your council's children's services" when none is set. */
    public String frontDoor() {
        return frontDoorName == null || frontDoorName.isBlank() ? "your council's children's services" : frontDoorName.strip();
    }

    /** The front door's phone number, or null when none is set. */
    public String frontDoorNumber() {
        return frontDoorPhone == null || frontDoorPhone.isBlank() ? null : frontDoorPhone.strip();
    }

    /** 999, Childline, then the front door. */
    public List<HelpLine> lines() {
        return List.of(new HelpLine("Emergency services", "999", "If you or someone else is in danger right now"),
                new HelpLine("Childline", "0800 1111", "To talk to someone, free, at any time of the day or night"),
                new HelpLine(frontDoor(), frontDoorNumber(), "To ask for help from the people whose job is to keep children safe where you live"));
    }
}

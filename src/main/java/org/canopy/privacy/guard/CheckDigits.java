package org.canopy.privacy.guard;

/**
 * The check-digit rules that tell a real NHS number or unique pupil number from any other run of
 * characters; they keep ordinary numbers in narrative from being refused.
 */
final class CheckDigits {

    /** The UPN check letters, indexed 0 to 22: the alphabet without I, O and S. */
    static final String UPN_LETTERS = "ABCDEFGHJKLMNPQRTUVWXYZ";

    private CheckDigits() {
    }

    /**
     * Whether ten digits pass the NHS Modulus 11 check: the first nine weighted 10 down to 2 and summed,
     * the check digit is 11 minus the sum modulo 11, where 11 means 0 and 10 means no valid number.
     */
    static boolean isNhsNumber(String digits) {
        if (digits.length() != 10 || !digits.chars().allMatch(Character::isDigit)) {
            return false;
        }
        int sum = 0;
        for (int i = 0; i < 9; i++) {
            sum += (digits.charAt(i) - '0') * (10 - i);
        }
        int check = 11 - sum % 11;
        if (check == 11) {
            check = 0;
        }
        return check != 10 && check == digits.charAt(9) - '0';
    }

    /**
     * Whether 13 characters form a unique pupil number with the right check letter (DfE rule): characters
     * 2 to 13 are weighted by their position (2 to 13) and summed, a digit counting as its value and a
     * letter in position 13 (a temporary UPN) as its index in {@link #UPN_LETTERS}; the check letter in
     * position 1 is the letter at index sum modulo 23. Expects upper case.
     */
    static boolean isUniquePupilNumber(String upn) {
        if (upn.length() != 13 || UPN_LETTERS.indexOf(upn.charAt(0)) < 0) {
            return false;
        }
        int sum = 0;
        for (int position = 2; position <= 13; position++) {
            char c = upn.charAt(position - 1);
            int value;
            if (c >= '0' && c <= '9') {
                value = c - '0';
            } else if (position == 13 && UPN_LETTERS.indexOf(c) >= 0) {
                value = UPN_LETTERS.indexOf(c);
            } else {
                return false;
            }
            sum += value * position;
        }
        return upn.charAt(0) == UPN_LETTERS.charAt(sum % 23);
    }
}

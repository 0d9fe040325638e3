package org.canopy.training.courses;

/** Words for a booking's status and attendance, for pages and exports. */
public final class Labels {

    private Labels() {
    }

    public static String status(String status) {
        return switch (status) {
            case "PENDING" -> "Waiting for approval";
            case "BOOKED" -> "Booked";
            case "WAITING" -> "On the waiting list";
            case "CANCELLED" -> "Cancelled";
            default -> status;
        };
    }

    public static String attendance(String attendance) {
        if (attendance == null) {
            return "Not recorded";
        }
        return attendance.equals("ATTENDED") ? "Attended" : "Did not attend";
    }
}

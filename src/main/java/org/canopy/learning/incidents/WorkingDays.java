package org.canopy.learning.incidents;

import de.focus_shift.jollyday.core.Holiday;
import de.focus_shift.jollyday.core.HolidayCalendar;
import de.focus_shift.jollyday.core.HolidayManager;
import de.focus_shift.jollyday.core.ManagerParameters;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Year;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * Working days in England: Monday to Friday, less the England and Wales bank holidays (jollyday's United
 * Kingdom calendar, subdivision {@code eng}; Wales has the same days). Substitute days count as holidays:
 * jollyday gives a holiday's observed date, e.g. Boxing Day 2020 (a Saturday) as Monday 28 December.
 */
@Component
public class WorkingDays {

    private static final String ENGLAND = "eng";

    private final HolidayManager holidays = HolidayManager.getInstance(ManagerParameters.create(HolidayCalendar.UNITED_KINGDOM));
    private final Map<Integer, Set<LocalDate>> byYear = new ConcurrentHashMap<>();

    /** True on a weekday that is not an England and Wales bank holiday. */
    public boolean isWorkingDay(LocalDate date) {
        var day = date.getDayOfWeek();
        return day != DayOfWeek.SATURDAY && day != DayOfWeek.SUNDAY && !bankHolidays(date.getYear()).contains(date);
    }

    /**
     * The date {@code workingDays} working days after {@code start}: day 0 is the start itself, day 1 the
     * next working day after it (the start need not be a working day), and so on.
     */
    public LocalDate plus(LocalDate start, int workingDays) {
        if (workingDays < 0) {
            throw new IllegalArgumentException("Count working days forwards only");
        }
        var date = start;
        for (int counted = 0; counted < workingDays; ) {
            date = date.plusDays(1);
            if (isWorkingDay(date)) {
                counted++;
            }
        }
        return date;
    }

    private Set<LocalDate> bankHolidays(int year) {
        return byYear.computeIfAbsent(year, y -> holidays.getHolidays(Year.of(y), ENGLAND).stream()
                .map(Holiday::getDate).collect(Collectors.toUnmodifiableSet()));
    }
}

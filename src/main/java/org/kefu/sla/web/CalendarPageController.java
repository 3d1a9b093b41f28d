package org.kefu.sla.web;

import java.io.IOException;
import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.kefu.platform.Actor;
import org.kefu.platform.ConflictException;
import org.kefu.platform.InvalidRequestException;
import org.kefu.platform.Role;
import org.kefu.sla.CalendarDefinition;
import org.kefu.sla.CalendarInput;
import org.kefu.sla.ManagingCalendars;
import org.kefu.sla.OpeningHours;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Admin pages for business calendars: list, weekly hours, holidays and make-up days, file import. ADMIN only. */
@Controller
class CalendarPageController {

    private final ManagingCalendars calendars;

    CalendarPageController(ManagingCalendars calendars) {
        this.calendars = calendars;
    }

    @GetMapping("/admin/calendars")
    String list(Actor actor, Model model) {
        actor.requireRole(Role.ADMIN);
        listModel(model);
        return "sla/calendars";
    }

    private void listModel(Model model) {
        List<CalendarDefinition> all = calendars.list();
        Map<Long, Long> holidays = new LinkedHashMap<>();
        Map<Long, Long> workdays = new LinkedHashMap<>();
        for (CalendarDefinition c : all) {
            holidays.put(c.id(), c.days().stream().filter(d -> d.kind() == CalendarDefinition.Kind.HOLIDAY).count());
            workdays.put(c.id(), c.days().stream().filter(d -> d.kind() == CalendarDefinition.Kind.WORKDAY).count());
        }
        model.addAttribute("navSection", "admin");
        model.addAttribute("calendars", all);
        model.addAttribute("holidayCounts", holidays);
        model.addAttribute("workdayCounts", workdays);
    }

    @PostMapping("/admin/calendars")
    String create(@RequestParam String name, @RequestParam String timeZone, Actor actor, Model model,
                  RedirectAttributes redirect) {
        actor.requireRole(Role.ADMIN);
        Map<String, String> week = new LinkedHashMap<>();
        for (DayOfWeek d : List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY)) {
            week.put(d.name(), "09:00-18:00");
        }
        try {
            CalendarDefinition created = calendars.create(new CalendarInput(name, timeZone, null, week, List.of()));
            redirect.addFlashAttribute("saved", true);
            return "redirect:/admin/calendars/" + created.id();
        } catch (InvalidRequestException e) {
            listModel(model);
            model.addAttribute("problems", e.problems());
            return "sla/calendars";
        }
    }

    @GetMapping("/admin/calendars/{id}")
    String edit(@PathVariable long id, Actor actor, Model model) {
        actor.requireRole(Role.ADMIN);
        return editPage(calendars.get(id), model);
    }

    @PostMapping("/admin/calendars/{id}")
    String save(@PathVariable long id, @RequestParam String name, @RequestParam String timeZone,
                @RequestParam(required = false) String description, @RequestParam Map<String, String> form,
                @RequestParam long version, Actor actor, Model model, RedirectAttributes redirect) {
        actor.requireRole(Role.ADMIN);
        CalendarDefinition current = calendars.get(id);
        Map<String, String> week = new LinkedHashMap<>();
        for (DayOfWeek d : DayOfWeek.values()) {
            week.put(d.name(), form.getOrDefault("week." + d.name(), ""));
        }
        return change(current, new CalendarInput(name, timeZone, description, week, days(current.days())), version, model,
                redirect);
    }

    @PostMapping("/admin/calendars/{id}/days")
    String addDay(@PathVariable long id, @RequestParam String date, @RequestParam String kind,
                  @RequestParam(required = false) String hours, @RequestParam(required = false) String dayName,
                  Actor actor, Model model, RedirectAttributes redirect) {
        actor.requireRole(Role.ADMIN);
        CalendarDefinition current = calendars.get(id);
        List<CalendarInput.Day> days = days(current.days());
        days.removeIf(d -> d.date().equals(date));
        days.add(new CalendarInput.Day(date, kind, hours, dayName));
        return change(current, inputOf(current, days), current.version(), model, redirect);
    }

    @PostMapping("/admin/calendars/{id}/days/{date}/delete")
    String removeDay(@PathVariable long id, @PathVariable String date, Actor actor, Model model,
                     RedirectAttributes redirect) {
        actor.requireRole(Role.ADMIN);
        CalendarDefinition current = calendars.get(id);
        List<CalendarInput.Day> days = days(current.days());
        days.removeIf(d -> d.date().equals(date));
        return change(current, inputOf(current, days), current.version(), model, redirect);
    }

    @PostMapping("/admin/calendars/{id}/import")
    String importFile(@PathVariable long id, @RequestParam("file") MultipartFile file,
                      @RequestParam(required = false) String format, Actor actor, Model model,
                      RedirectAttributes redirect) throws IOException {
        actor.requireRole(Role.ADMIN);
        try {
            ManagingCalendars.ImportOutcome outcome = calendars.importDays(id,
                    CalendarApiController.formatOf(format, file.getOriginalFilename()), file.getBytes());
            redirect.addFlashAttribute("imported", outcome.imported());
            return "redirect:/admin/calendars/" + id;
        } catch (InvalidRequestException e) {
            model.addAttribute("problems", e.problems());
            return editPage(calendars.get(id), model);
        }
    }

    private String change(CalendarDefinition current, CalendarInput input, long version, Model model,
                          RedirectAttributes redirect) {
        try {
            calendars.replace(current.id(), input, version);
            redirect.addFlashAttribute("saved", true);
            return "redirect:/admin/calendars/" + current.id();
        } catch (InvalidRequestException e) {
            model.addAttribute("problems", e.problems());
        } catch (ConflictException e) {
            model.addAttribute("conflict", true);
        }
        return editPage(calendars.get(current.id()), model);
    }

    private static CalendarInput inputOf(CalendarDefinition c, List<CalendarInput.Day> days) {
        Map<String, String> week = new LinkedHashMap<>();
        c.week().forEach((d, h) -> week.put(d.name(), h.toString()));
        return new CalendarInput(c.name(), c.zone().getId(), c.description(), week, days);
    }

    private static List<CalendarInput.Day> days(List<CalendarDefinition.SpecialDay> days) {
        List<CalendarInput.Day> result = new ArrayList<>();
        days.forEach(d -> result.add(new CalendarInput.Day(d.date().toString(), d.kind().name(), d.hours().toString(), d.name())));
        return result;
    }

    private String editPage(CalendarDefinition calendar, Model model) {
        model.addAttribute("navSection", "admin");
        model.addAttribute("calendar", calendar);
        Map<String, String> week = new LinkedHashMap<>();
        for (DayOfWeek d : DayOfWeek.values()) {
            week.put(d.name(), calendar.week().getOrDefault(d, OpeningHours.CLOSED).toString());
        }
        model.addAttribute("week", week);
        model.addAttribute("days", calendar.days().reversed());
        return "sla/calendar-edit";
    }
}

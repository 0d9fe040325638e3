package org.canopy.data.catalogue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.canopy.data.quality.DataQuality;
import org.canopy.partnership.CanopyUser;
import org.canopy.web.FormSubmission;
import org.canopy.web.InvalidInput;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The administrator adds indicators to the catalogue from a file (every path under /admin needs the administrator role). */
@Controller
class CatalogueController {

    private final IndicatorFileReader reader;
    private final IndicatorCatalogue catalogue;

    private final DataQuality quality;

    CatalogueController(IndicatorFileReader reader, IndicatorCatalogue catalogue, DataQuality quality) {
        this.reader = reader;
        this.catalogue = catalogue;
        this.quality = quality;
    }

    @GetMapping("/admin/indicators/load")
    String loadForm() {
        return "data/load";
    }

    @PostMapping("/admin/indicators/load")
    String load(@AuthenticationPrincipal CanopyUser admin, @RequestParam(required = false) MultipartFile file, Model model,
            RedirectAttributes redirect) throws IOException {
        // The problems name paths inside the file; on the page they all point at the file input.
        return FormSubmission.on(model).keeping("errorAnchor", "file").submit(() -> {
            if (file == null || file.isEmpty()) {
                throw new InvalidInput("file", "Choose an indicator catalogue file (YAML or JSON) to load");
            }
            var parsed = reader.read(new String(file.getBytes(), StandardCharsets.UTF_8));
            int added = catalogue.load(admin.partnershipId(), admin.getUsername(), parsed);
            // The rate check runs on the file's figures too: what disagrees is listed on the data quality page.
            long flags = quality.openFlags(admin.partnershipId());
            redirect.addFlashAttribute("success", "Added " + added + (added == 1 ? " indicator" : " indicators") + " to the catalogue"
                    + (flags == 0 ? "" : ". " + flags + (flags == 1 ? " data quality flag is" : " data quality flags are")
                            + " open: see the data quality page"));
            return "redirect:/dashboard";
        }, () -> "data/load");
    }
}

package org.canopy.voice.feedback;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** "You said, we did" for anyone (API.md): the published responses in their plain words, without any internal detail. */
@RestController
class PublicResponsesApiController {

    private final Responses responses;
    private final Factsheets factsheets;

    PublicResponsesApiController(Responses responses, Factsheets factsheets) {
        this.responses = responses;
        this.factsheets = factsheets;
    }

    @GetMapping("/api/v1/public/you-said-we-did")
    List<Map<String, Object>> published(@RequestParam(required = false) Long partnership) {
        long id = factsheets.publicPartnership(partnership);
        return responses.published(id).stream().map(r -> {
            var json = new LinkedHashMap<String, Object>();
            json.put("youSaid", r.answers());
            json.put("weDid", r.publicWords());
            json.put("date", r.doneOn());
            json.put("childrenTold", r.childrenTold());
            return (Map<String, Object>) json;
        }).toList();
    }
}

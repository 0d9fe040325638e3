package org.canopy.partnership.demo;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Demo mode ({@code canopy.demo.*}): on, the demo partnership and its accounts are loaded and every page says so.
 * Off unless set, so a production start without the setting never creates accounts with a known password.
 */
@Validated
@ConfigurationProperties("canopy.demo")
public record DemoSettings(@DefaultValue("false") boolean enabled) {
}

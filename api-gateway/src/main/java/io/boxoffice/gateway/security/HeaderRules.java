package io.boxoffice.gateway.security;

import org.springframework.security.web.server.firewall.ServerWebExchangeFirewall;
import org.springframework.security.web.server.firewall.StrictServerWebExchangeFirewall;

/**
 * Spring Security's strict firewall, with its rules for header names and values checked by a loop over the code
 * points instead of its regular expressions, which cost about a twentieth of the gateway's CPU per booking: every
 * header of every request, the long {@code Authorization} included, went through them (docs/performance.md).
 * The rules are the same: a name's characters are all assigned and none is a control character; a value's too,
 * except that it may contain tabs. {@code HeaderRulesTest} holds them to Spring's own predicates.
 */
final class HeaderRules {
    private HeaderRules() {
    }

    /** The firewall every request passes, hot routes included. */
    static ServerWebExchangeFirewall firewall() {
        StrictServerWebExchangeFirewall firewall = new StrictServerWebExchangeFirewall();
        firewall.setAllowedHeaderNames(HeaderRules::allowedName);
        firewall.setAllowedHeaderValues(HeaderRules::allowedValue);
        return firewall;
    }

    static boolean allowedName(String name) {
        return assignedAndNotControl(name, false);
    }

    static boolean allowedValue(String value) {
        return assignedAndNotControl(value, true);
    }

    /** An absent header (the firewall also asks about those) has nothing to refuse. */
    private static boolean assignedAndNotControl(String text, boolean tabs) {
        if (text == null) {
            return true;
        }
        for (int i = 0; i < text.length(); ) {
            int codePoint = text.codePointAt(i);
            int type = Character.getType(codePoint);
            if (type == Character.UNASSIGNED || (type == Character.CONTROL && !(tabs && codePoint == '\t'))) {
                return false;
            }
            i += Character.charCount(codePoint);
        }
        return true;
    }
}

package io.boxoffice.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.springframework.security.web.server.firewall.StrictServerWebExchangeFirewall;

/** The firewall's header rules, checked without regular expressions, answer as Spring's own predicates. */
class HeaderRulesTest {

    @Test
    void shouldAllowExactlyWhatSpringsFirewallAllowsWhenNamesAndValuesHaveAnyCharacters() {
        // given: every character class the rules tell apart, alone and in random mixtures
        List<String> texts = new ArrayList<>(List.of("", "Authorization", "Bearer eyJ.abc-_", "a\tb", "a\nb", "a\rb",
                "\u0000", "\u007f", "\u0085", "é", "\u00a0", "\u2028", "\u0378", "\uffff", "\ud83c\udfac", "\ud83c",
                "x\udfac", "\ue000", "\u200b", "\u0007"));
        Random random = new Random(7);
        int[] interesting = {'a', 'Z', ' ', '\t', '\n', 0x7f, 0x85, 0xe9, 0x378, 0xd83c, 0xdfac, 0x1f3ac, 0xffff,
                0xe000, 0x10ffff, 0x0, 0x2028};
        for (int i = 0; i < 3000; i++) {
            StringBuilder text = new StringBuilder();
            for (int n = random.nextInt(6); n > 0; n--) {
                text.appendCodePoint(random.nextInt(4) == 0 ? random.nextInt(0x110000)
                        : interesting[random.nextInt(interesting.length)]);
            }
            texts.add(text.toString());
        }
        // when / then
        for (String text : texts) {
            assertThat(HeaderRules.allowedName(text)).as("name %s", escaped(text))
                    .isEqualTo(StrictServerWebExchangeFirewall.ALLOWED_HEADER_NAMES.test(text));
            assertThat(HeaderRules.allowedValue(text)).as("value %s", escaped(text))
                    .isEqualTo(StrictServerWebExchangeFirewall.ALLOWED_HEADER_VALUES.test(text));
        }
        assertThat(HeaderRules.allowedName(null)).isEqualTo(StrictServerWebExchangeFirewall.ALLOWED_HEADER_NAMES.test(null));
        assertThat(HeaderRules.allowedValue(null)).isEqualTo(StrictServerWebExchangeFirewall.ALLOWED_HEADER_VALUES.test(null));
        assertThat(HeaderRules.allowedValue("a\tb")).isTrue();
        assertThat(HeaderRules.allowedName("a\tb")).isFalse();
    }

    private static String escaped(String text) {
        StringBuilder out = new StringBuilder();
        text.codePoints().forEach(c -> out.append(String.format("\\u%04x", c)));
        return out.toString();
    }
}

package io.boxoffice.systemtest;

import static io.boxoffice.systemtest.Api.expect;
import static org.assertj.core.api.Assertions.assertThat;

import io.boxoffice.systemtest.Api.User;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.Keys;
import tools.jackson.databind.JsonNode;

/**
 * The web app in a real Chromium against the whole system: what a person sees and does, checked on the page, and
 * what it changed, checked through the API. Screens are saved as PNGs ({@link SystemPaths#screenshots()}). A seat
 * map's reconnection after its gateway restarts is checked in {@link GatewayRestartIntegrationTest}, which restarts
 * one anyway.
 */
@ExtendWith(SystemExtension.class)
@Order(19)
class WebAppBrowserIntegrationTest {
    /** The contract's bound from a decision to every open seat map. */
    private static final Duration LIVE = Duration.ofSeconds(1);

    @Test
    void shouldListTheBookingWhenAUserHoldsCountsDownAndConfirms(BoxofficeSystem system) {
        // given a show of 5 rows of 12 and a signed-in user on its seat map
        Api api = new Api(system);
        JsonNode show = api.newShow(api.adminToken(system), 60, 4, 600, 12);
        User user = api.newUser("buyer");
        try (Browser browser = Browser.open(api.base(), Browser.DESKTOP)) {
            browser.logIn(user.username(), user.password());
            browser.go("#/movies/" + show.path("movieId").asString());
            browser.click("a[href='#/shows/" + show.path("id").asString() + "']");
            browser.awaitLive();
            assertThat(browser.seat(5).getDomAttribute("aria-label")).isEqualTo("Row 1, seat 5 (no. 5), free");

            // when seat 5 is clicked, seat 6 chosen with the keyboard, and both held
            browser.seat(5).click();
            browser.seat(5).sendKeys(Keys.ARROW_RIGHT);
            browser.until(() -> browser.seat(6).equals(browser.driver.switchTo().activeElement()) ? true : null,
                    "seat 6 to have the focus");
            browser.seat(6).sendKeys(Keys.SPACE);
            assertThat(List.of(browser.seatState(5), browser.seatState(6))).containsOnly("selected");
            browser.press("Hold selected seats");

            // then the seats are the user's, with a running countdown from the show's 10 minutes
            browser.awaitText("Seats 5, 6 are yours for");
            assertThat(List.of(browser.seatState(5), browser.seatState(6))).containsOnly("mine");
            String first = browser.text(".hold time");
            assertThat(first).matches("(10:00|9:5\\d)");
            browser.until(() -> browser.text(".hold time").equals(first) ? null : true, "the countdown to move");
            browser.screenshot(SystemPaths.screenshots().resolve("seat-map-hold.png"));

            // when confirmed
            browser.press("Confirm");
            browser.awaitText("Booked seats 5, 6.");

            // then it is listed as active, and is one active booking of those seats
            browser.press("See my bookings");
            browser.awaitText("My bookings");
            assertThat(browser.text("tbody tr")).contains("5, 6", "Active");
            JsonNode booking = api.bookingsOf(user).getFirst();
            assertThat(booking.path("status").asString()).isEqualTo("ACTIVE");
            assertThat(booking.path("seats").values()).extracting(JsonNode::asInt).containsExactly(5, 6);
            browser.screenshot(SystemPaths.screenshots().resolve("my-bookings.png"));

            // and when cancelled there, it is cancelled
            browser.press("Cancel");
            browser.driver.switchTo().alert().accept();
            browser.until(() -> browser.text("tbody tr").contains("Cancelled") ? true : null, "the cancellation");
            assertThat(api.bookingsOf(user).getFirst().path("status").asString()).isEqualTo("CANCELLED");
        }
    }

    @Test
    void shouldShowTheLoserTheSeatTakenLiveWhenTwoBrowsersRaceAndBothScreensFreeItWhenTheHoldExpires(
            BoxofficeSystem system) throws Exception {
        // given two users on one show's seat map (holds of 10 s), both with seat 7 selected
        Api api = new Api(system);
        JsonNode show = api.newShow(api.adminToken(system), 40, 4, 10, 10);
        String showId = show.path("id").asString();
        List<User> users = api.newUsers("racer", 2);
        try (Browser alice = Browser.open(api.base(), Browser.DESKTOP);
             Browser bob = Browser.open(api.base(), Browser.DESKTOP)) {
            List<Browser> both = List.of(alice, bob);
            for (int i = 0; i < 2; i++) {
                both.get(i).logIn(users.get(i).username(), users.get(i).password());
                both.get(i).go("#/shows/" + showId);
                both.get(i).awaitLive();
                both.get(i).seat(7).click();
                // A mark that a reload would wipe.
                both.get(i).driver.executeScript("window.boxofficeNotReloaded = true");
            }

            // when both press "Hold" at the same moment
            long moment = System.currentTimeMillis() + 500;
            both.forEach(browser -> browser.clickAt("Hold selected seats", moment));

            // then exactly one holds the seat, and the other is told why and sees it held within a second
            Browser winner = alice.until(() -> {
                List<Browser> holding = both.stream().filter(b -> !b.driver.findElements(
                        org.openqa.selenium.By.cssSelector(".hold h2")).isEmpty()).toList();
                return holding.size() == 1 ? holding.getFirst() : null;
            }, "one browser holding seat 7");
            Browser loser = winner == alice ? bob : alice;
            long won = System.nanoTime();
            loser.until(() -> loser.seatState(7).equals("held") ? true : null, "seat 7 held on the loser's screen");
            assertThat(Duration.ofNanos(System.nanoTime() - won)).isLessThanOrEqualTo(LIVE);
            assertThat(loser.text("p.error")).contains("Someone else got some of those seats first", "Seats: 7.");
            assertThat(winner.seatState(7)).isEqualTo("mine");
            loser.screenshot(SystemPaths.screenshots().resolve("seat-taken-live.png"));

            // and a hold placed now on the winner's screen shows on the loser's within a second
            winner.seat(8).click();
            winner.press("Hold selected seats");
            winner.awaitText("Seat 8 is yours");
            long held = System.nanoTime();
            loser.until(() -> loser.seatState(8).equals("held") ? true : null, "seat 8 held on the loser's screen");
            assertThat(Duration.ofNanos(System.nanoTime() - held)).isLessThanOrEqualTo(LIVE);

            // when the winner lets the holds run out (10 s, freed within 2 s of it), both screens free the seats
            for (Browser browser : both) {
                browser.until(() -> browser.seatState(7).equals("free") && browser.seatState(8).equals("free")
                        ? true : null, "seats 7 and 8 free again");
            }
            winner.awaitText("Your hold expired: the seats are free again.");
            for (Browser browser : both) {
                assertThat(browser.driver.executeScript("return window.boxofficeNotReloaded === true"))
                        .isEqualTo(true);
            }
            JsonNode map = expect(api.get("/api/shows/" + showId + "/seats", null), 200).body();
            assertThat(map.path("held").values()).isEmpty();
            assertThat(map.path("availableSeats").asInt()).isEqualTo(40);
        }
    }

    @Test
    void shouldShowSalesLiveWhenAnAdminCreatesAShowAndItSells(BoxofficeSystem system) {
        Api api = new Api(system);
        List<User> fans = api.newUsers("fan", 4);
        User buyer = fans.getFirst();
        try (Browser admin = Browser.open(api.base(), Browser.DESKTOP)) {
            // given an admin who creates a movie and a show of 30 seats in the app
            admin.logIn("admin", system.adminPassword);
            admin.go("#/admin");
            String title = "Kafka by Night " + io.boxoffice.common.Ids.random().substring(0, 6);
            admin.type("#title", title);
            admin.type("#durationMinutes", "104");
            admin.press("Create movie");
            admin.awaitText("Movie \"" + title + "\" created.");
            admin.choose("#movieId", title);
            admin.type("#totalSeats", "30");
            admin.type("#seatsPerRow", "10");
            admin.type("#holdSeconds", "600");
            admin.press("Create show");
            admin.until(() -> admin.driver.getCurrentUrl().contains("#/admin/shows/") ? true : null, "the sales page");
            String showId = admin.driver.getCurrentUrl().replaceFirst(".*#/admin/shows/", "");
            admin.awaitLive();
            assertThat(figure(admin, "Seats free")).isEqualTo("30");

            // when it sells: a booking of 3, a hold of 2, and a refused booking
            expect(api.post("/api/shows/" + showId + "/bookings", buyer.token(), Map.of("seats", List.of(1, 2, 3))),
                    201);
            expect(api.post("/api/shows/" + showId + "/holds", buyer.token(), Map.of("seats", List.of(10, 11))), 201);
            expect(api.post("/api/shows/" + showId + "/bookings", buyer.token(), Map.of("seats", List.of(3))), 409);

            // then the admin's screen shows it without a reload
            admin.until(() -> figure(admin, "Seats sold").equals("3") && figure(admin, "Seats held").equals("2")
                    ? true : null, "3 seats sold and 2 held");
            admin.awaitText("seat_taken: 1");
            assertThat(figure(admin, "Seats free")).isEqualTo("25");

            // and when it goes on selling, two seats at a time, each sale shows before the next is sent
            int sold = 3;
            for (int i = 0; i < 8; i++) {
                int first = 12 + 2 * i;
                expect(api.post("/api/shows/" + showId + "/bookings", fans.get(1 + i % 3).token(),
                        Map.of("seats", List.of(first, first + 1))), 201);
                String expected = String.valueOf(sold += 2);
                admin.until(() -> figure(admin, "Seats sold").equals(expected) ? true : null, expected + " sold");
            }
            assertThat(figure(admin, "Seats free")).isEqualTo("9");
            assertThat(admin.find("svg.sales path.sold").getDomAttribute("d").split("V")).hasSizeGreaterThan(8);
            assertThat(admin.text("table.minutes tbody")).isNotBlank();
            admin.screenshot(SystemPaths.screenshots().resolve("admin-sales.png"));
        }
    }

    @Test
    void shouldAnswerClearlyWhenTheShowOrBookingIsUnknownOrTheSessionEnds(BoxofficeSystem system) {
        Api api = new Api(system);
        JsonNode show = api.newShow(api.adminToken(system), 48, 4, 600, 12);
        String showId = show.path("id").asString();
        List<User> users = api.newUsers("visitor", 2);
        User alice = users.get(0);
        String bobsBooking = expect(api.post("/api/shows/" + showId + "/bookings", users.get(1).token(),
                Map.of("seats", List.of(1))), 201).body().path("id").asString();
        try (Browser phone = Browser.open(api.base(), Browser.PHONE)) {
            // an unknown show, and someone else's booking
            phone.go("#/shows/no-such-show");
            phone.awaitText("Show not found");
            phone.logIn(alice.username(), alice.password());
            phone.go("#/bookings/" + bobsBooking);
            phone.awaitText("Booking not found");

            // the seat map fits a phone's width: it scrolls inside its own box, the page does not
            phone.go("#/shows/" + showId);
            phone.awaitLive();
            assertThat((Boolean) phone.driver.executeScript(
                    "return document.documentElement.scrollWidth <= window.innerWidth")).isTrue();
            phone.seat(30).click();
            phone.seat(31).click();
            phone.screenshot(SystemPaths.screenshots().resolve("seat-map-phone.png"));

            // when the session ends (logged out elsewhere, and the access token due for renewal)
            JsonNode stored = io.boxoffice.common.Json.MAPPER.readTree((String) phone.driver.executeScript(
                    "return localStorage.getItem('boxoffice.session')"));
            expect(api.logout(stored.path("accessToken").asString(), stored.path("refreshToken").asString()), 204);
            phone.driver.executeScript("const s = JSON.parse(localStorage.getItem('boxoffice.session'));"
                    + "s.renewAt = 0; localStorage.setItem('boxoffice.session', JSON.stringify(s));");
            phone.press("Hold selected seats");

            // then it is back to the login, and after it back to the seat map as it was
            phone.awaitText("Your session ended. Log in to continue.");
            phone.type("#username", alice.username());
            phone.type("#password", alice.password());
            phone.click("form button[type=submit]");
            phone.awaitLive();
            assertThat(phone.driver.getCurrentUrl()).endsWith("#/shows/" + showId);
            assertThat(List.of(phone.seatState(30), phone.seatState(31))).containsOnly("selected");
            phone.press("Hold selected seats");
            phone.awaitText("Seats 30, 31 are yours for");
        }
    }


    private static String figure(Browser browser, String name) {
        return browser.find("[data-figure='" + name + "'] dd").getText();
    }
}

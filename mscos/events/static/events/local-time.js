// Adds the reader's own time beside an event's UK time, when their browser's zone is another.
// Nothing is sent anywhere: the zone comes from the browser and stays in the page.
(function () {
  "use strict";
  var zone;
  try {
    zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  } catch (error) {
    return;
  }
  if (!zone || zone === "Europe/London") return;
  var dayFormat = new Intl.DateTimeFormat(document.documentElement.lang || undefined, {
    weekday: "long", day: "numeric", month: "long", year: "numeric",
    hour: "2-digit", minute: "2-digit", timeZoneName: "short",
  });
  var timeFormat = new Intl.DateTimeFormat(document.documentElement.lang || undefined, {
    hour: "2-digit", minute: "2-digit", timeZoneName: "short",
  });
  document.querySelectorAll(".event-when[data-start]").forEach(function (element) {
    var start = new Date(element.getAttribute("data-start"));
    var end = new Date(element.getAttribute("data-end"));
    if (isNaN(start) || isNaN(end)) return;
    var label = element.closest("[data-your-time-label]");
    var prefix = label ? label.getAttribute("data-your-time-label") : "Your time:";
    var line = document.createElement("span");
    line.className = "event-when__local";
    line.textContent = prefix + " " + dayFormat.format(start) + " – " + timeFormat.format(end);
    element.appendChild(document.createElement("br"));
    element.appendChild(line);
  });
})();

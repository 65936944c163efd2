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
  // 24-hour times, as the server writes them: no AM/PM marks ("م") to mix with "UTC" in Arabic.
  var dayFormat = new Intl.DateTimeFormat(document.documentElement.lang || undefined, {
    weekday: "long", day: "numeric", month: "long", year: "numeric",
    hour: "2-digit", minute: "2-digit", timeZoneName: "short", hourCycle: "h23",
  });
  var timeFormat = new Intl.DateTimeFormat(document.documentElement.lang || undefined, {
    hour: "2-digit", minute: "2-digit", timeZoneName: "short", hourCycle: "h23",
  });
  // Each time in its own isolate, so right-to-left text cannot swap the start and the end.
  function isolated(text, className) {
    var bdi = document.createElement("bdi");
    bdi.className = className;
    bdi.textContent = text;
    return bdi;
  }
  document.querySelectorAll(".event-when[data-start]").forEach(function (element) {
    var start = new Date(element.getAttribute("data-start"));
    var end = new Date(element.getAttribute("data-end"));
    if (isNaN(start) || isNaN(end)) return;
    var label = element.closest("[data-your-time-label]");
    var prefix = label ? label.getAttribute("data-your-time-label") : "Your time:";
    var line = document.createElement("span");
    line.className = "event-when__local";
    line.appendChild(document.createTextNode(prefix + " "));
    line.appendChild(isolated(dayFormat.format(start), "event-when__local-start"));
    line.appendChild(document.createTextNode(" – "));
    line.appendChild(isolated(timeFormat.format(end), "event-when__local-end"));
    element.appendChild(document.createElement("br"));
    element.appendChild(line);
  });
})();

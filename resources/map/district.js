/* District map: communities and open alerts drawn from data pushed by the console.
 *
 * The page shell (map, optional intranet tiles) is built once by folium; the data layers are
 * redrawn by dutyRender(data), called from Python with runJavaScript, so a refresh keeps the
 * officer's zoom and pan and never reloads the page. Clicks go to Python through QWebChannel.
 *
 * For tests and tools: window.dutyCommunities = {id: layer}, window.dutyAlerts = {id: layer},
 * window.dutyReady (data drawn at least once), window.dutyBridge (the QWebChannel object).
 */
(function () {
  "use strict";

  var state = { map: null, communities: null, alerts: null, fitted: false, selected: null, opts: {} };
  window.dutyCommunities = {};
  window.dutyAlerts = {};
  window.dutyReady = false;
  window.dutyBridge = null;
  window.dutyRenderCount = 0;

  function connectBridge(attempt) {
    if (typeof QWebChannel === "undefined" || typeof qt === "undefined" || !qt.webChannelTransport) {
      // The transport is injected by QtWebEngine; give it a moment on a slow machine.
      if (attempt < 50) { setTimeout(function () { connectBridge(attempt + 1); }, 20); }
      return;
    }
    new QWebChannel(qt.webChannelTransport, function (channel) {
      window.dutyBridge = channel.objects.bridge;
      window.dutyBridge.pageReady();
    });
  }

  function communityRadius(c) {
    return Math.max(9, Math.min(26, 8 + 1.2 * Math.sqrt(c.households)));
  }

  function updateLabelVisibility() {
    var hide = state.map.getZoom() < state.opts.labelMinZoom;
    state.map.getContainer().classList.toggle("duty-hide-labels", hide);
  }

  function placeAlerts() {
    var map = state.map;
    state.alerts.eachLayer(function (m) {
      var p = map.latLngToLayerPoint(m.dutyCentre).add(m.dutyOffset);
      m.setLatLng(map.layerPointToLatLng(p));
    });
  }

  function select(id) {
    if (state.selected !== null && window.dutyCommunities[state.selected]) {
      window.dutyCommunities[state.selected].setStyle({ weight: 2.5 });
    }
    state.selected = id;
    if (window.dutyCommunities[id]) { window.dutyCommunities[id].setStyle({ weight: 5 }); }
  }

  function drawCommunity(c) {
    var style = {
      color: c.colour, weight: c.id === state.selected ? 5 : 2.5, opacity: 1,
      fillColor: c.colour, fillOpacity: c.band === "grey" ? 0.25 : 0.55, communityId: c.id, band: c.band,
    };
    var layer;
    if (c.outline) {
      layer = L.polygon(c.outline, style);
    } else {
      style.radius = communityRadius(c);
      layer = L.circleMarker([c.lat, c.lon], style);
    }
    layer.bindTooltip(c.tooltip, { sticky: true, className: "duty-tooltip" });
    layer.on("click", function () {
      select(c.id);
      if (window.dutyBridge) { window.dutyBridge.communityClicked(c.id); }
    });
    layer.addTo(state.communities);
    // The name stays on the map: without tiles it is the only way to know where one is.
    var label = L.tooltip({
      permanent: true, direction: "bottom", className: "duty-label", interactive: false,
      offset: [0, c.outline ? 0 : communityRadius(c)],
    }).setLatLng([c.lat, c.lon]).setContent(c.label);
    state.communities.addLayer(label);
    window.dutyCommunities[c.id] = layer;
    return layer;
  }

  function drawAlerts(alerts, radiusById) {
    var byCommunity = {};
    alerts.forEach(function (a) { (byCommunity[a.community] = byCommunity[a.community] || []).push(a); });
    Object.keys(byCommunity).forEach(function (cid) {
      var group = byCommunity[cid];
      // Most severe drawn last, so it is on top; spread round the community in screen pixels.
      group.sort(function (x, y) { return y.rank - x.rank; });
      var ring = (radiusById[cid] || 10) + 8 + Math.min(group.length, 12);
      group.forEach(function (a, k) {
        var angle = -Math.PI / 4 + (2 * Math.PI * k) / group.length;
        var marker = L.circleMarker([a.lat, a.lon], {
          radius: a.rank === 0 ? 8 : 6, color: state.outline || "#e6edf3", weight: 1.5, opacity: 1,
          fillColor: a.colour, fillOpacity: 0.95, alertId: a.id, severity: a.severity,
        });
        marker.dutyCentre = L.latLng(a.lat, a.lon);
        marker.dutyOffset = L.point(Math.cos(angle) * ring, Math.sin(angle) * ring);
        marker.bindTooltip(a.tooltip, { className: "duty-tooltip" });
        marker.on("click", function () {
          if (window.dutyBridge) { window.dutyBridge.communityClicked(a.community); }
        });
        marker.addTo(state.alerts);
        window.dutyAlerts[a.id] = marker;
      });
    });
    placeAlerts();
  }

  function fitToDistrict() {
    // A map that has no size yet (page loaded behind another widget) cannot fit: wait for one.
    if (state.map.getSize().x === 0 || state.map.getSize().y === 0) { return; }
    state.map.fitBounds(state.communities.getBounds().pad(0.15), { maxZoom: 16, animate: false });
    state.fitted = true;
    placeAlerts();
  }

  window.dutyInit = function (map, opts) {
    state.map = map;
    state.opts = opts;
    if (opts.colours) { window.dutySetTheme(opts.colours); }
    state.communities = L.featureGroup().addTo(map);
    state.alerts = L.featureGroup().addTo(map);
    map.attributionControl.setPrefix(false);
    map.on("zoomend", function () { placeAlerts(); updateLabelVisibility(); });
    map.on("resize", function () {
      if (!state.fitted && state.communities.getLayers().length) { fitToDistrict(); }
    });
    L.control.scale({ imperial: false }).addTo(map);
    state.legend = L.control({ position: "bottomright" });
    state.legend.onAdd = function () { return L.DomUtil.create("div", "duty-legend"); };
    state.legend.addTo(map);
    updateLabelVisibility();
    connectBridge(0);
  };

  /* Theme colours: {background: "#0d1117", label_text: ..., ...} -> CSS variables. */
  window.dutySetTheme = function (colours) {
    var root = document.documentElement.style;
    Object.keys(colours).forEach(function (k) {
      root.setProperty("--duty-" + k.replace(/_/g, "-"), colours[k]);
    });
    state.outline = colours.alert_ring || "#e6edf3";
    if (state.alerts) { state.alerts.eachLayer(function (m) { m.setStyle({ color: state.outline }); }); }
  };

  /* Replace everything drawn with `data`; returns JSON with what was drawn. */
  window.dutyRender = function (data) {
    state.communities.clearLayers();
    state.alerts.clearLayers();
    window.dutyCommunities = {};
    window.dutyAlerts = {};
    var radiusById = {};
    data.communities.forEach(function (c) {
      drawCommunity(c);
      radiusById[c.id] = c.outline ? 12 : communityRadius(c);
    });
    drawAlerts(data.alerts, radiusById);
    if (!state.fitted && data.communities.length) { fitToDistrict(); }
    state.legend.getContainer().innerHTML = data.legend || "";
    updateLabelVisibility();
    window.dutyReady = true;
    window.dutyRenderCount += 1;
    return JSON.stringify({
      communities: Object.keys(window.dutyCommunities).length,
      alerts: Object.keys(window.dutyAlerts).length,
    });
  };
})();

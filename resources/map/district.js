/* District map: communities and open alerts drawn from data pushed by the console.
 *
 * The page shell (map, optional intranet tiles) is built once by folium; the data layers are
 * redrawn by dutyRender(data), called from Python with runJavaScript, so a refresh keeps the
 * officer's zoom and pan and never reloads the page. Clicks go to Python through QWebChannel.
 *
 * Besides the communities and alerts, two layers: officers' destinations (open dispatches, one
 * marker per community beside it) and confirmed series (串案: a line through the series' cases in
 * report order, numbered, with the case numbers). dutySetLayers({alerts, officers, series})
 * shows or hides a layer without redrawing.
 *
 * For tests and tools: window.dutyCommunities = {id: layer}, window.dutyAlerts = {id: layer},
 * window.dutyOfficers = {community id: marker}, window.dutySeries = {series id: {line, stops}},
 * window.dutyReady (data drawn at least once), window.dutyBridge (the QWebChannel object),
 * window.dutyMap (the Leaflet map), window.dutyLayers (which layers are on).
 */
(function () {
  "use strict";

  var state = {
    map: null, communities: null, labels: null, alerts: null, badges: null, items: [], byId: {},
    alertGroups: {}, texts: {}, officerMarkers: [], seriesBounds: null, pendingSeriesFit: false,
    layers: { alerts: true, officers: true, series: true },
    fitted: false, selected: null, opts: {},
  };
  window.dutyCommunities = {};
  window.dutyAlerts = {};
  window.dutyOfficers = {};
  window.dutySeries = {};
  window.dutyLayers = state.layers;
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

  var BAND_ORDER = { red: 0, orange: 1, green: 2, grey: 3 };

  /* A community circle is about as large as the community (by households), but never smaller
     than a clickable dot nor so large that neighbours merge when zoomed out. */
  function circleRadius(c) {
    var metres = 40 + 2.5 * Math.sqrt(c.households);
    var metresPerPixel = (40075016.686 * Math.cos((c.lat * Math.PI) / 180)) / Math.pow(2, state.map.getZoom() + 8);
    return Math.max(6, Math.min(36, metres / metresPerPixel));
  }

  /* How large the community is on screen now, in pixels (a polygon: half its larger side). */
  function radiusOf(item) {
    if (!item.c.outline) { return item.layer.getRadius(); }
    var b = item.layer.getBounds();
    var nw = state.map.latLngToLayerPoint(b.getNorthWest());
    var se = state.map.latLngToLayerPoint(b.getSouthEast());
    return Math.max(se.x - nw.x, se.y - nw.y) / 2;
  }

  function labelWidth(text) {
    var w = 4;
    for (var i = 0; i < text.length; i++) { w += text.charCodeAt(i) > 255 ? 13 : 7.5; }
    return w;
  }

  /* Names: all of them when they fit; when they would overlap, the most overdue communities
     keep theirs (red before orange before green). A name never hides under an officers' tag,
     an alert badge or a series' stop: it moves below its shape, then one line lower, and only
     where none of those places is free does it give way. Names' widths are estimated, not
     measured (no layout); the few markers in the way are measured once per placement. */
  function markerBoxes() {
    var origin = state.map.getContainer().getBoundingClientRect();
    var boxes = [];
    function add(marker) {
      var el = marker.getElement && marker.getElement();
      if (!el || !marker._map) { return; }
      Array.prototype.forEach.call(el.children.length ? el.children : [el], function (part) {
        var r = part.getBoundingClientRect();
        if (r.width === 0 && r.height === 0) { return; }
        boxes.push({ x0: r.left - origin.left, x1: r.right - origin.left,
                     y0: r.top - origin.top, y1: r.bottom - origin.top });
      });
    }
    state.officerMarkers.forEach(add);
    state.badges.eachLayer(add);
    state.series.eachLayer(function (layer) { if (layer instanceof L.Marker) { add(layer); } });
    return boxes;
  }

  function placeLabels() {
    var map = state.map;
    var show = map.getZoom() >= state.opts.labelMinZoom;
    var taken = show ? markerBoxes() : [];
    function free(box) {
      return taken.every(function (t) {
        return box.x1 < t.x0 || box.x0 > t.x1 || box.y1 < t.y0 || box.y0 > t.y1;
      });
    }
    state.items.forEach(function (item) {
      var el = item.label.getElement();
      if (!el) { return; }
      var p = map.latLngToContainerPoint([item.c.lat, item.c.lon]);
      var w = labelWidth(item.c.labelText);
      var radius = radiusOf(item);
      var below = radius + 2;
      // An outline carries its name inside when the name fits in it; a circle always below.
      var places = item.c.outline && w < 2 * radius ? [-9, below, below + 18] : [below, below + 18];
      var chosen = null;
      for (var i = 0; show && i < places.length && chosen === null; i++) {
        var box = { x0: p.x - w / 2, x1: p.x + w / 2, y0: p.y + places[i], y1: p.y + places[i] + 18 };
        if (free(box)) { chosen = places[i]; taken.push(box); }
      }
      el.style.display = chosen === null ? "none" : "";
      if (chosen !== null) { el.firstChild.style.top = chosen + "px"; }
    });
  }

  /* Alerts sit on an arc above their community (its name is below), in screen pixels so they
     stay apart at every zoom; the most severe is drawn last, on top. Where the community is too
     small on screen to carry a ring (zoomed out) or has many alerts, one badge stands in for
     them: the colour of the most severe, the count inside. */
  function placeAlerts() {
    var map = state.map;
    Object.keys(state.alertGroups).forEach(function (cid) {
      var group = state.alertGroups[cid];
      var item = state.byId[cid];
      var radius = item ? radiusOf(item) : 10;
      var centre = group.markers[0].dutyCentre;
      var origin = map.latLngToLayerPoint(centre);
      var expanded = radius >= state.opts.ringMinRadius && group.markers.length <= state.opts.ringMaxAlerts;
      var n = group.markers.length;
      var ring = radius + 9 + Math.min(Math.max(n - 5, 0) * 2, 30);
      group.markers.forEach(function (m, k) {
        var angle = -1.1 * Math.PI + (1.2 * Math.PI * (k + 0.5)) / n;
        m.setLatLng(map.layerPointToLatLng(origin.add(L.point(Math.cos(angle) * ring, Math.sin(angle) * ring))));
        if (expanded && !state.alerts.hasLayer(m)) { state.alerts.addLayer(m); }
        if (!expanded && state.alerts.hasLayer(m)) { state.alerts.removeLayer(m); }
      });
      var corner = radius * 0.75 + 6;
      group.badge.setLatLng(map.layerPointToLatLng(origin.add(L.point(corner, -corner))));
      if (!expanded && !state.badges.hasLayer(group.badge)) { state.badges.addLayer(group.badge); }
      if (expanded && state.badges.hasLayer(group.badge)) { state.badges.removeLayer(group.badge); }
    });
  }

  /* Officers' markers sit left of their community (alerts are above it, its name below). */
  function placeOfficers() {
    var map = state.map;
    state.officerMarkers.forEach(function (m) {
      var item = state.byId[m.options.communityId];
      var radius = item ? radiusOf(item) : 8;
      var origin = map.latLngToLayerPoint(m.dutyCentre);
      m.setLatLng(map.layerPointToLatLng(origin.add(L.point(-(radius + 4), 0))));
    });
  }

  function onZoom() {
    state.items.forEach(function (item) {
      if (!item.c.outline) { item.layer.setRadius(circleRadius(item.c)); }
    });
    placeAlerts();
    placeOfficers();
    placeLabels();
  }

  /* One marker per community with open dispatches: how many officers, en route or on scene. */
  function drawOfficers(places) {
    state.officerMarkers = [];
    window.dutyOfficers = {};
    places.forEach(function (p) {
      var marker = L.marker([p.lat, p.lon], {
        keyboard: false, communityId: p.community, dispatchIds: p.dispatches, officerCount: p.count,
        status: p.status, zIndexOffset: 500,
        icon: L.divIcon({
          className: "duty-officers", iconSize: null,
          html: '<span class="' + p.status + '">' + p.text + "</span>",
        }),
      });
      marker.dutyCentre = L.latLng(p.lat, p.lon);
      marker.bindTooltip(p.tooltip, { className: "duty-tooltip" });
      marker.on("click", function () {
        if (p.alert !== null && window.dutyBridge) { window.dutyBridge.alertClicked(p.alert); }
      });
      state.officers.addLayer(marker);
      state.officerMarkers.push(marker);
      window.dutyOfficers[p.community] = marker;
    });
    placeOfficers();
  }

  /* A series: a haloed line through its cases in report order, a numbered stop at each place
     with the case numbers beside it (readable on the dark and the light background alike). */
  function drawSeries(series) {
    window.dutySeries = {};
    var bounds = null;
    series.forEach(function (sr) {
      var points = sr.path.map(function (p) { return L.latLng(p[0], p[1]); });
      var halo = null;
      var line = null;
      if (points.length > 1) {
        halo = L.polyline(points, {
          color: state.halo || "#0d1117", weight: 7, opacity: 0.85, interactive: false, renderer: state.renderer,
        });
        line = L.polyline(points, {
          color: sr.colour, weight: 3.5, opacity: 1, dashArray: "8 6", seriesId: sr.id, renderer: state.renderer,
        });
        line.bindTooltip(sr.tooltip, { sticky: true, className: "duty-tooltip" });
        state.series.addLayer(halo);
        state.series.addLayer(line);
      }
      var stops = sr.stops.map(function (st) {
        var marker = L.marker([st.lat, st.lon], {
          keyboard: false, seriesId: sr.id, caseNos: st.cases, order: st.order, zIndexOffset: 800,
          icon: L.divIcon({
            className: "duty-series-stop", iconSize: null,
            html: '<span class="n" style="background:' + sr.colour + '">' + st.orderText + "</span>" +
              '<span class="cases">' + st.casesHtml + "</span>",
          }),
        });
        marker.bindTooltip(st.tooltip, { className: "duty-tooltip" });
        state.series.addLayer(marker);
        return marker;
      });
      window.dutySeries[sr.id] = { line: line, halo: halo, stops: stops, label: sr.label };
      points.forEach(function (p) { bounds = bounds ? bounds.extend(p) : L.latLngBounds(p, p); });
    });
    state.seriesBounds = bounds;
  }

  function fitToSeries() {
    if (!state.seriesBounds) { state.pendingSeriesFit = false; return; }
    if (state.map.getSize().x === 0 || state.map.getSize().y === 0) { return; }
    state.map.fitBounds(state.seriesBounds.pad(0.3), { maxZoom: 16, animate: false });
    state.pendingSeriesFit = false;
    state.fitted = true;
    onZoom();
  }

  /* Show or hide layers without redrawing them: {alerts: bool, officers: bool, series: bool}. */
  window.dutySetLayers = function (on) {
    Object.keys(on).forEach(function (k) { state.layers[k] = !!on[k]; });
    [[state.alerts, "alerts"], [state.badges, "alerts"], [state.officers, "officers"], [state.series, "series"]]
      .forEach(function (pair) {
        var layer = pair[0];
        var visible = state.layers[pair[1]];
        if (visible && !state.map.hasLayer(layer)) { state.map.addLayer(layer); }
        if (!visible && state.map.hasLayer(layer)) { state.map.removeLayer(layer); }
      });
    if (state.items.length) { placeLabels(); }  // a name hidden by a layer switched off comes back
    return JSON.stringify(state.layers);
  };

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
      fillColor: c.colour, fillOpacity: c.band === "grey" ? 0.25 : 0.6, communityId: c.id, band: c.band,
      renderer: state.renderer,
    };
    var layer;
    if (c.outline) {
      layer = L.polygon(c.outline, style);
    } else {
      style.radius = circleRadius(c);
      layer = L.circleMarker([c.lat, c.lon], style);
    }
    layer.bindTooltip(c.tooltip, { sticky: true, className: "duty-tooltip" });
    layer.on("click", function () {
      select(c.id);
      if (window.dutyBridge) { window.dutyBridge.communityClicked(c.id); }
    });
    layer.addTo(state.communities);
    // The name stays on the map: without tiles it is the only way to know where one is.
    // A DivIcon marker, not a permanent tooltip: tooltips measure themselves (a reflow each).
    var label = L.marker([c.lat, c.lon], {
      interactive: false, keyboard: false,
      icon: L.divIcon({ className: "duty-label", iconSize: null, html: "<span>" + c.label + "</span>" }),
    });
    state.labels.addLayer(label);
    var item = { c: c, layer: layer, label: label };
    state.items.push(item);
    state.byId[c.id] = item;
    window.dutyCommunities[c.id] = layer;
  }

  function drawAlerts(alerts) {
    var byCommunity = {};
    alerts.forEach(function (a) { (byCommunity[a.community] = byCommunity[a.community] || []).push(a); });
    state.alertGroups = {};
    Object.keys(byCommunity).forEach(function (cid) {
      var group = byCommunity[cid];
      var community = group[0].community;
      group.sort(function (x, y) { return y.rank - x.rank || x.id - y.id; });
      var markers = group.map(function (a) {
        var marker = L.circleMarker([a.lat, a.lon], {
          radius: a.rank === 0 ? 8 : 6, color: state.outline || "#e6edf3", weight: 1.5, opacity: 1,
          fillColor: a.colour, fillOpacity: 0.95, alertId: a.id, severity: a.severity,
          communityId: community, renderer: state.renderer,
        });
        marker.dutyCentre = L.latLng(a.lat, a.lon);
        marker.bindTooltip(a.tooltip, { className: "duty-tooltip" });
        marker.on("click", function () {
          if (window.dutyBridge) { window.dutyBridge.alertClicked(a.id); }
        });
        window.dutyAlerts[a.id] = marker;
        return marker;
      });
      var worst = group[group.length - 1];
      var newest = group.slice().sort(function (x, y) { return y.id - x.id; }).slice(0, 5);
      var tip = newest.map(function (a) { return a.tooltip; }).join("<hr>");
      if (group.length > newest.length) { tip += "<hr>" + state.texts.more.replace("{0}", group.length); }
      var badge = L.marker(markers[0].dutyCentre, {
        keyboard: false, communityId: community, alertCount: group.length, severity: worst.severity,
        icon: L.divIcon({
          className: "duty-badge", iconSize: [22, 22],
          html: '<span style="background:' + worst.colour + '">' + group.length + "</span>",
        }),
      });
      badge.bindTooltip(tip, { className: "duty-tooltip" });
      badge.on("click", function () {
        // One alert: open it. Several: zoom in until they stand apart round their community.
        if (group.length === 1) {
          if (window.dutyBridge) { window.dutyBridge.alertClicked(group[0].id); }
          return;
        }
        state.map.setView(markers[0].dutyCentre, Math.max(state.map.getZoom() + 2, 16), { animate: false });
      });
      state.alertGroups[cid] = { markers: markers, badge: badge };
    });
    placeAlerts();
  }

  function fitToDistrict() {
    // A map that has no size yet (page loaded behind another widget) cannot fit: wait for one.
    if (state.map.getSize().x === 0 || state.map.getSize().y === 0) { return; }
    // The legend sits over the map's right side: no community is fitted under it.
    var legend = state.legend ? state.legend.getContainer().offsetWidth : 0;
    var room = legend && legend < state.map.getSize().x / 2 ? legend + 16 : 0;
    state.map.fitBounds(state.communities.getBounds().pad(0.1), {
      maxZoom: 16, animate: false, paddingTopLeft: [40, 30], paddingBottomRight: [room, 44],
    });
    state.fitted = true;
    onZoom();
  }

  window.dutyInit = function (map, opts) {
    state.map = map;
    window.dutyMap = map;
    state.opts = opts;
    if (opts.colours) { window.dutySetTheme(opts.colours); }
    state.renderer = L.svg({ padding: 0.3 });
    state.communities = L.featureGroup().addTo(map);
    state.labels = L.layerGroup().addTo(map);
    state.alerts = L.featureGroup().addTo(map);
    state.badges = L.layerGroup().addTo(map);
    state.officers = L.layerGroup().addTo(map);
    state.series = L.layerGroup().addTo(map);
    map.attributionControl.setPrefix(false);
    map.on("zoomend", onZoom);
    map.on("resize", function () {
      if (state.pendingSeriesFit) { fitToSeries(); }
      if (!state.fitted && state.communities.getLayers().length) { fitToDistrict(); }
    });
    L.control.scale({ imperial: false }).addTo(map);
    state.legend = L.control({ position: "bottomright" });
    state.legend.onAdd = function () { return L.DomUtil.create("div", "duty-legend"); };
    state.legend.addTo(map);
    connectBridge(0);
  };

  /* Theme colours: {background: "#0d1117", label_text: ..., ...} -> CSS variables. */
  window.dutySetTheme = function (colours) {
    var root = document.documentElement.style;
    Object.keys(colours).forEach(function (k) {
      root.setProperty("--duty-" + k.replace(/_/g, "-"), colours[k]);
    });
    state.outline = colours.alert_ring || "#e6edf3";
    state.halo = colours.label_halo || "#0d1117";
    Object.keys(window.dutySeries).forEach(function (sid) {
      if (window.dutySeries[sid].halo) { window.dutySeries[sid].halo.setStyle({ color: state.halo }); }
    });
    Object.keys(state.alertGroups).forEach(function (cid) {
      state.alertGroups[cid].markers.forEach(function (m) { m.setStyle({ color: state.outline }); });
    });
  };

  /* Replace everything drawn with `data`; returns JSON with what was drawn. */
  window.dutyRender = function (data) {
    state.communities.clearLayers();
    state.labels.clearLayers();
    state.alerts.clearLayers();
    state.badges.clearLayers();
    state.officers.clearLayers();
    state.series.clearLayers();
    state.texts = data.texts || { more: "{0}" };
    state.items = [];
    state.byId = {};
    window.dutyCommunities = {};
    window.dutyAlerts = {};
    var ordered = data.communities.slice().sort(function (x, y) {
      return BAND_ORDER[x.band] - BAND_ORDER[y.band] || y.share - x.share;
    });
    // Drawn least overdue first, so a red community is on top where shapes overlap; labels are
    // placed in the opposite order (placeLabels walks state.items, most overdue first).
    ordered.slice().reverse().forEach(drawCommunity);
    state.items.reverse();
    drawAlerts(data.alerts);
    drawOfficers(data.officers || []);
    drawSeries(data.series || []);
    if (data.layers) { window.dutySetLayers(data.layers); }
    if (data.fitSeries) { state.pendingSeriesFit = true; fitToSeries(); }
    state.legend.getContainer().innerHTML = data.legend || "";
    if (!state.fitted && data.communities.length) { fitToDistrict(); }
    placeLabels();
    window.dutyReady = true;
    window.dutyRenderCount += 1;
    return JSON.stringify({
      communities: Object.keys(window.dutyCommunities).length,
      alerts: Object.keys(window.dutyAlerts).length,
      officers: Object.keys(window.dutyOfficers).length,
      series: Object.keys(window.dutySeries).length,
    });
  };
})();

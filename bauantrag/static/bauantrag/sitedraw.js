// The drawing map of the step „Lage und Gebäudegrundriss“ (progressive enhancement: without JavaScript the
// section stays hidden and the JSON form below does the same job). Leaflet + Leaflet-Geoman, vendored; WGS84 only:
// the server converts from and to EPSG:25832. Vector data only, unless the Kommune configured a WMS background.
(function () {
  "use strict";
  var section = document.querySelector("[data-site-draw]");
  if (!section || !window.L || !L.PM) { return; }
  section.hidden = false;

  var LABELS = { parcel: "Grundstück", building: "Gebäude", accessory: "Stellplatz/Nebenanlage",
    public_area: "Öffentliche Fläche" };
  var STYLES = { parcel: { color: "#1b1b1b", weight: 3, fillOpacity: 0.05 },
    building: { color: "#b10e1e", weight: 2, fillOpacity: 0.35 },
    accessory: { color: "#7a4a00", weight: 2, fillOpacity: 0.25, dashArray: "4 3" },
    public_area: { color: "#4a4a4a", weight: 2, fillColor: "#b1b4b6", fillOpacity: 0.4 } };
  var KINDS = {
    building: [["hauptgebaeude", "Hauptgebäude"], ["garage", "Garage"], ["nebengebaeude", "Nebengebäude"]],
    accessory: [["garagen_stellplaetze", "Garage, Stellplatz oder Zufahrt"], ["nebenanlage", "Nebenanlage"],
      ["unterirdisch", "Bauliche Anlage unter der Geländeoberfläche"]],
    public_area: [["verkehrsflaeche", "Verkehrsfläche (Straße)"], ["gruenflaeche", "Grünfläche"],
      ["wasserflaeche", "Wasserfläche"]] };
  var status = section.querySelector("[data-status]");
  var list = section.querySelector("[data-list]");
  var empty = section.querySelector("[data-empty]");
  var items = [];
  var pendingRole = null;
  var counter = 0;

  var map = L.map("site-draw-map", { crs: L.CRS.EPSG3857, center: [51.45, 7.5], zoom: 8, maxZoom: 22 });
  map.attributionControl.setPrefix(false);
  map.pm.setLang("de");
  var wmsUrl = section.getAttribute("data-wms-url");
  if (wmsUrl) {
    var attribution = document.createElement("span");
    attribution.textContent = section.getAttribute("data-wms-attribution") || "";
    L.tileLayer.wms(wmsUrl, { layers: section.getAttribute("data-wms-layers"), format: "image/png",
      maxZoom: 22, attribution: attribution.innerHTML }).addTo(map);
  }

  function say(text) { status.textContent = text; }

  function field(labelText, input) {
    var id = "draw-field-" + (++counter);
    var wrap = document.createElement("div");
    var label = document.createElement("label");
    wrap.className = "draw-field";
    label.setAttribute("for", id);
    label.textContent = labelText;
    input.id = id;
    wrap.appendChild(label);
    wrap.appendChild(input);
    return wrap;
  }

  function select(options, value, onChange) {
    var node = document.createElement("select");
    options.forEach(function (option) {
      var element = new Option(option[1], option[0]);
      node.appendChild(element);
    });
    node.value = value || options[0][0];
    node.addEventListener("change", function () { onChange(node.value); });
    return node;
  }

  function renumber() {
    var numbers = {};
    items.forEach(function (item) {
      numbers[item.role] = (numbers[item.role] || 0) + 1;
      item.title.textContent = LABELS[item.role] + (item.role === "parcel" ? "" : " " + numbers[item.role]);
    });
    empty.hidden = items.length > 0;
  }

  function remove(item, quiet) {
    map.removeLayer(item.layer);
    list.removeChild(item.node);
    items.splice(items.indexOf(item), 1);
    renumber();
    if (!quiet) { say(item.title.textContent + " gelöscht."); }
  }

  function describe(item) {
    var node = document.createElement("li");
    var title = document.createElement("strong");
    var props = item.props;
    node.appendChild(title);
    item.node = node;
    item.title = title;
    if (item.role === "building") {
      var name = document.createElement("input");
      name.type = "text";
      name.maxLength = 60;
      name.value = props.id || "";
      name.addEventListener("input", function () { props.id = name.value.trim(); });
      node.appendChild(field("Bezeichnung", name));
      var height = document.createElement("input");
      height.type = "text";
      height.inputMode = "decimal";
      var heights = props.wall_heights_m;
      var mean = props.wall_height_mean_m;
      if (mean == null && heights && heights.length) {
        mean = heights.reduce(function (a, b) { return a + b; }, 0) / heights.length;
      }
      height.value = mean == null ? "" : String(Math.round(mean * 100) / 100).replace(".", ",");
      height.addEventListener("input", function () {
        var value = parseFloat(height.value.replace(",", "."));
        props.wall_height_mean_m = isNaN(value) ? null : value;
        delete props.wall_heights_m;
      });
      node.appendChild(field("Wandhöhe im Mittel (m)", height));
    }
    if (KINDS[item.role]) {
      props.kind = props.kind || KINDS[item.role][0][0];
      node.appendChild(field("Art", select(KINDS[item.role], props.kind, function (v) { props.kind = v; })));
    }
    var button = document.createElement("button");
    button.type = "button";
    button.className = "button button-secondary button-small";
    button.textContent = "Löschen";
    button.addEventListener("click", function () { remove(item); });
    node.appendChild(button);
    list.appendChild(node);
  }

  function add(role, layer, props) {
    if (role === "parcel") {
      items.filter(function (i) { return i.role === "parcel"; }).forEach(function (i) { remove(i, true); });
    }
    layer.setStyle(STYLES[role]);
    layer.addTo(map);
    var item = { role: role, layer: layer, props: props || {} };
    if (role === "building" && !item.props.id) {
      item.props.id = "Gebäude " + (items.filter(function (i) { return i.role === "building"; }).length + 1);
    }
    items.push(item);
    describe(item);
    renumber();
    return item;
  }

  function polygonLayer(geometry) {
    return L.polygon(L.GeoJSON.coordsToLatLngs(geometry.coordinates, 1));
  }

  function load(collection) {
    (collection && collection.features || []).forEach(function (feature) {
      var props = {};
      Object.keys(feature.properties || {}).forEach(function (key) {
        if (key !== "role") { props[key] = feature.properties[key]; }
      });
      if (LABELS[feature.properties.role] && feature.geometry && feature.geometry.type === "Polygon") {
        add(feature.properties.role, polygonLayer(feature.geometry), props);
      }
    });
  }

  map.on("pm:create", function (event) {
    var role = pendingRole || "building";
    pendingRole = null;
    map.removeLayer(event.layer);
    var item = add(role, L.polygon(event.layer.getLatLngs()), {});
    say(item.title.textContent + " gezeichnet. Angaben bitte rechts neben der Karte ergänzen.");
  });

  section.querySelectorAll("[data-draw]").forEach(function (button) {
    button.addEventListener("click", function () {
      pendingRole = button.getAttribute("data-draw");
      map.pm.enableDraw("Polygon", { snappable: true, templineStyle: STYLES[pendingRole],
        pathOptions: STYLES[pendingRole] });
      say(LABELS[pendingRole] + ": Klicken Sie die Ecken in die Karte; ein Klick auf die erste Ecke schließt die Fläche.");
    });
  });

  var editButton = section.querySelector("[data-edit]");
  editButton.addEventListener("click", function () {
    var on = editButton.getAttribute("aria-pressed") !== "true";
    items.forEach(function (item) { if (on) { item.layer.pm.enable(); } else { item.layer.pm.disable(); } });
    editButton.setAttribute("aria-pressed", on ? "true" : "false");
    say(on ? "Ecken verschieben: Ziehen Sie die Ecken der Flächen." : "Ecken verschieben beendet.");
  });

  section.querySelector("[data-draw-form]").addEventListener("submit", function (event) {
    var features = items.map(function (item) {
      var properties = { role: item.role };
      Object.keys(item.props).forEach(function (key) { properties[key] = item.props[key]; });
      return { type: "Feature", properties: properties, geometry: item.layer.toGeoJSON(false).geometry };
    });
    event.target.querySelector("[name=site_drawing]").value =
      JSON.stringify({ type: "FeatureCollection", features: features });
  });

  function planStyle(feature) {
    var layer = feature.properties.layer;
    if (layer === "area") { return { color: "#004b87", weight: 1, fillOpacity: 0.06 }; }
    if (layer === "buildable") { return { color: "#004b87", weight: 1, dashArray: "2 4", fillOpacity: 0 }; }
    return { color: "#004b87", weight: 3, dashArray: layer === "baugrenze" ? "8 4 2 4" : null };
  }

  function show(data) {
    var plan = L.geoJSON(data.plan, { style: planStyle, interactive: false, pmIgnore: true }).addTo(map);
    var posted = document.getElementById("site-drawing-posted");
    var drawing = posted ? JSON.parse(posted.textContent) : null;
    load(drawing || data.site);
    var suggestion = data.suggested_parcel;
    var suggestButton = section.querySelector("[data-suggest]");
    if (suggestion) {
      suggestButton.hidden = false;
      suggestButton.textContent += " (" + suggestion.properties.label + ")";
      suggestButton.addEventListener("click", function () {
        add("parcel", polygonLayer(suggestion.geometry), {});
        say("Flurstück " + suggestion.properties.label + " als Grundstück übernommen.");
      });
    }
    var bounds = L.latLngBounds([]);
    items.forEach(function (item) { bounds.extend(item.layer.getBounds()); });
    if (!bounds.isValid() && suggestion) { bounds.extend(polygonLayer(suggestion.geometry).getBounds()); }
    if (!bounds.isValid() && plan.getLayers().length) { bounds = plan.getBounds(); }
    if (bounds.isValid()) { map.fitBounds(bounds, { padding: [20, 20], maxZoom: 20 }); }
  }

  fetch(section.getAttribute("data-map-data-url"), { credentials: "same-origin",
    headers: { Accept: "application/json" } })
    .then(function (response) { if (!response.ok) { throw new Error(String(response.status)); } return response.json(); })
    .then(show)
    .catch(function () { say("Die Kartendaten konnten nicht geladen werden. Bitte nutzen Sie die JSON-Eingabe unten."); });
}());

// Copies the UI's third-party assets from node_modules into the Python package
// (src/marsad/web/vendor), so that the wheel ships them and the UI needs no network:
// Leaflet (map), and a low-resolution world country outline converted from Natural Earth
// (public domain, via world-atlas) to GeoJSON with rounded coordinates.
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { feature } from "topojson-client";

const here = dirname(fileURLToPath(import.meta.url));
const out = join(here, "..", "src", "marsad", "web", "vendor");
mkdirSync(join(out, "images"), { recursive: true });
const leaflet = join(here, "node_modules", "leaflet", "dist");
for (const f of ["leaflet.js", "leaflet.css"]) copyFileSync(join(leaflet, f), join(out, f));
for (const f of ["layers.png", "marker-icon.png", "marker-shadow.png"]) {
  copyFileSync(join(leaflet, "images", f), join(out, "images", f));
}
const topo = JSON.parse(readFileSync(join(here, "node_modules", "world-atlas", "countries-110m.json")));
const geo = feature(topo, topo.objects.countries);
const round = (c) => Array.isArray(c[0]) ? c.map(round) : [Math.round(c[0] * 100) / 100, Math.round(c[1] * 100) / 100];
for (const f of geo.features) f.geometry.coordinates = round(f.geometry.coordinates);
writeFileSync(join(out, "world-110m.geojson"), JSON.stringify(geo));
console.log(`vendor assets written to ${out} (${geo.features.length} countries)`);

#!/usr/bin/env node
// Generates the country layer of the lexicons from data packages plus the curated aliases:
//   lexicons/generated/countries.jsonl    (i18n-iso-countries, cldr-localenames-full,
//                                           lexicons/curated/country-aliases.jsonl)
//   lexicons/generated/cities-cldr.jsonl  (cldr-dates-full exemplar cities, countries-and-timezones)
// Run from the repository root: node scripts/gen-lexicons.js
// Output is deterministic (sorted, no timestamps).

import { createRequire } from 'node:module';
import { readFileSync, writeFileSync, mkdirSync, existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const LEX = join(ROOT, 'lexicons');

const isoAr = require('i18n-iso-countries/langs/ar.json').countries;
const isoEn = require('i18n-iso-countries/langs/en.json').countries;
const cldrAr = require('cldr-localenames-full/main/ar/territories.json').main.ar.localeDisplayNames.territories;
const cldrEn = require('cldr-localenames-full/main/en/territories.json').main.en.localeDisplayNames.territories;
const tzAr = require('cldr-dates-full/main/ar/timeZoneNames.json').main.ar.dates.timeZoneNames.zone;
const tzEn = require('cldr-dates-full/main/en/timeZoneNames.json').main.en.dates.timeZoneNames.zone;
const ct = require('countries-and-timezones');

// ---------------------------------------------------------------------------
// Helpers

/** The library's default key normalization, enough for de-duplication here. */
function norm(s) {
  return s
    .normalize('NFC')
    .replace(/[\u064B-\u065F\u0670\u06D6-\u06ED\u0640]/g, '')
    .replace(/[أإآٱ]/g, 'ا')
    .replace(/ى/g, 'ي')
    .replace(/ة/g, 'ه')
    .replace(/ؤ/g, 'و')
    .replace(/ئ/g, 'ي')
    .replace(/ی/g, 'ي')
    .replace(/ک/g, 'ك')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}

function slug(s) {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[’'.]/g, '')
    .replace(/&/g, 'and')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

const asList = (v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]);
const hasArabic = (s) => /[\u0600-\u06FF]/.test(s);

/**
 * Cleans a package name into usable surface forms: "ميانمار (بورما)" -> outer name (and the inner
 * one when it is itself a name), "الكونغو - كينشاسا" -> "الكونغو كينشاسا",
 * "جزر فوكلاند - جزر مالفيناس" -> two names.
 */
const INNER_IS_NAME = new Set(['بورما', 'Burma', 'Islas Malvinas', 'Malvinas', 'مدينة الخليل']);
function surfaceForms(raw) {
  const out = [];
  let s = raw.trim();
  const m = s.match(/^(.*?)\s*\(([^)]*)\)\s*$/);
  if (m) {
    s = m[1].trim();
    if (INNER_IS_NAME.has(m[2].trim())) out.push(m[2].trim());
  }
  if (/ - /.test(s)) {
    const parts = s.split(' - ').map((p) => p.trim());
    if (parts.every((p) => p.split(/\s+/).length >= 2)) out.unshift(...parts);
    else out.unshift(parts.join(' '));
  } else {
    out.unshift(s);
  }
  return out.filter(Boolean);
}

function readJsonl(path) {
  if (!existsSync(path)) return [];
  const rows = [];
  readFileSync(path, 'utf8')
    .split('\n')
    .forEach((line, i) => {
      if (!line.trim()) return;
      let obj;
      try {
        obj = JSON.parse(line);
      } catch (e) {
        throw new Error(`${path}:${i + 1}: ${e.message}`);
      }
      if (obj.$comment !== undefined || obj.$generated !== undefined) return;
      rows.push(obj);
    });
  return rows;
}

function writeJsonl(path, header, rows) {
  mkdirSync(dirname(path), { recursive: true });
  const lines = [JSON.stringify(header), ...rows.map((r) => JSON.stringify(r))];
  writeFileSync(path, lines.join('\n') + '\n');
}

// ---------------------------------------------------------------------------
// Countries

/** UN member states (193), alpha-2. With PS, VA, XK, TW they get kind "country". */
const UN_MEMBERS = new Set(
  `AF AL DZ AD AO AG AR AM AU AT AZ BS BH BD BB BY BE BZ BJ BT BO BA BW BR BN BG BF BI CV KH CM CA CF TD
   CL CN CO KM CG CD CR CI HR CU CY CZ DK DJ DM DO EC EG SV GQ ER EE SZ ET FJ FI FR GA GM GE DE GH GR GD
   GT GN GW GY HT HN HU IS IN ID IR IQ IE IL IT JM JP JO KZ KE KI KP KR KW KG LA LV LB LS LR LY LI LT LU
   MG MW MY MV ML MT MH MR MU MX FM MD MC MN ME MA MZ MM NA NR NP NL NZ NI NE NG MK NO OM PK PW PA PG PY
   PE PH PL PT QA RO RU RW KN LC VC WS SM ST SA SN RS SC SL SG SK SI SB SO ZA SS ES LK SD SR SE CH SY TJ
   TZ TH TL TG TO TT TN TR TM TV UG UA AE GB US UY UZ VU VE VN YE ZM ZW`.split(/\s+/).filter(Boolean),
);
const OTHER_STATES = new Set(['PS', 'VA', 'XK', 'TW']);
const KIND_OVERRIDE = { AQ: 'region' };

/** Common English short names where the package name is long or official. Slug = slug(name.en). */
const EN_NAME = {
  AX: 'Åland Islands',
  BA: 'Bosnia and Herzegovina',
  BN: 'Brunei',
  BO: 'Bolivia',
  BQ: 'Caribbean Netherlands',
  BS: 'Bahamas',
  CC: 'Cocos Islands',
  CD: 'Democratic Republic of the Congo',
  CG: 'Republic of the Congo',
  CI: 'Ivory Coast',
  CN: 'China',
  CZ: 'Czech Republic',
  FK: 'Falkland Islands',
  FM: 'Micronesia',
  GB: 'United Kingdom',
  GM: 'Gambia',
  IR: 'Iran',
  KP: 'North Korea',
  KR: 'South Korea',
  LA: 'Laos',
  MD: 'Moldova',
  MF: 'Saint Martin',
  MK: 'North Macedonia',
  MO: 'Macau',
  NL: 'Netherlands',
  PN: 'Pitcairn Islands',
  PS: 'Palestine',
  RE: 'Réunion',
  RU: 'Russia',
  SH: 'Saint Helena',
  ST: 'São Tomé and Príncipe',
  SX: 'Sint Maarten',
  SY: 'Syria',
  TF: 'French Southern Territories',
  TL: 'East Timor',
  TR: 'Turkey',
  TW: 'Taiwan',
  TZ: 'Tanzania',
  UM: 'United States Minor Outlying Islands',
  US: 'United States',
  VA: 'Vatican City',
  VG: 'British Virgin Islands',
  VI: 'United States Virgin Islands',
  CV: 'Cape Verde',
  HM: 'Heard Island and McDonald Islands',
  SZ: 'Eswatini',
};
const SLUG = {
  CD: 'dr-congo',
  CG: 'republic-of-the-congo',
  UM: 'us-minor-outlying-islands',
  VI: 'us-virgin-islands',
  VA: 'vatican',
  HM: 'heard-and-mcdonald-islands',
  GS: 'south-georgia-and-south-sandwich-islands',
};

/** name.ar when the package's first name is not the most common news form. */
const AR_NAME = {
  AE: 'الإمارات',
  AQ: 'القارة القطبية الجنوبية',
  BS: 'جزر البهاما',
  BY: 'بيلاروسيا',
  CD: 'الكونغو الديمقراطية',
  CZ: 'التشيك',
  FM: 'ميكرونيزيا',
  GB: 'بريطانيا',
  GL: 'غرينلاند',
  MM: 'ميانمار',
  MO: 'ماكاو',
  RE: 'ريونيون',
  SH: 'سانت هيلينا',
  SZ: 'إسواتيني',
  TZ: 'تنزانيا',
  MF: 'سان مارتن',
  SX: 'سانت مارتن',
  DK: 'الدنمارك',
};

function buildCountries() {
  const curated = new Map();
  for (const row of readJsonl(join(LEX, 'curated', 'country-aliases.jsonl'))) {
    if (!/^[A-Z]{2}$/.test(row.iso2 ?? '')) throw new Error(`country-aliases: bad iso2 ${row.iso2}`);
    if (!isoEn[row.iso2]) throw new Error(`country-aliases: unknown iso2 ${row.iso2}`);
    const prev = curated.get(row.iso2) ?? { aliases: [], ambiguous: [] };
    prev.aliases.push(...(row.aliases ?? []));
    prev.ambiguous.push(...(row.ambiguous ?? []));
    if (row.name_ar) prev.name_ar = row.name_ar;
    curated.set(row.iso2, prev);
  }

  const codes = Object.keys(isoEn).sort();
  const entries = [];
  for (const cc of codes) {
    const enNames = asList(isoEn[cc]);
    const nameEn = EN_NAME[cc] ?? enNames.find((n) => !/[,()]/.test(n)) ?? enNames[0];
    const cur = curated.get(cc) ?? { aliases: [], ambiguous: [] };
    const arForms = [];
    for (const n of asList(isoAr[cc])) arForms.push(...surfaceForms(n));
    for (const key of Object.keys(cldrAr).sort()) {
      if (key === cc || key.startsWith(cc + '-alt-')) arForms.push(...surfaceForms(cldrAr[key]));
    }
    const nameAr = cur.name_ar ?? AR_NAME[cc] ?? arForms[0];
    const enForms = [];
    for (const n of enNames) enForms.push(...surfaceForms(n));
    for (const key of Object.keys(cldrEn).sort()) {
      if (key === cc || key.startsWith(cc + '-alt-')) enForms.push(...surfaceForms(cldrEn[key]));
    }
    // Curated first (hand-picked spellings win the de-duplication), then package forms.
    const seen = new Set([norm(nameAr), norm(nameEn)]);
    const aliases = [];
    for (const a of [...cur.aliases, ...arForms, ...enForms]) {
      const t = a.trim();
      if (!t) continue;
      const k = norm(t);
      if (seen.has(k)) continue;
      seen.add(k);
      aliases.push(t);
    }
    const kind = KIND_OVERRIDE[cc] ?? (UN_MEMBERS.has(cc) || OTHER_STATES.has(cc) ? 'country' : 'territory');
    entries.push({
      id: 'loc/' + (SLUG[cc] ?? slug(nameEn)),
      type: 'LOC',
      kind,
      iso2: cc,
      name: { ar: nameAr, en: nameEn },
      aliases,
      ambiguous: [...cur.ambiguous],
    });
  }
  if (UN_MEMBERS.size !== 193) throw new Error(`UN member list has ${UN_MEMBERS.size} codes`);

  // A surface form used by two entries is ambiguous in both.
  const owners = new Map();
  for (const e of entries) {
    for (const f of [e.name.ar, e.name.en, ...e.aliases]) {
      const k = norm(f);
      if (!owners.has(k)) owners.set(k, new Set());
      owners.get(k).add(e.iso2);
    }
  }
  for (const e of entries) {
    const amb = new Map(e.ambiguous.map((a) => [norm(a), a]));
    for (const f of [e.name.ar, e.name.en, ...e.aliases]) {
      if (owners.get(norm(f)).size > 1 && !amb.has(norm(f))) amb.set(norm(f), f);
    }
    // Keep only ambiguous forms that are actually listed (spelling as listed).
    const listed = new Map([e.name.ar, e.name.en, ...e.aliases].map((f) => [norm(f), f]));
    for (const [k] of amb) {
      if (!listed.has(k)) throw new Error(`${e.id}: ambiguous form not among its names: ${amb.get(k)}`);
    }
    e.ambiguous = [...amb.keys()].sort().map((k) => listed.get(k));
  }

  const ids = new Set();
  for (const e of entries) {
    if (ids.has(e.id)) throw new Error(`duplicate id ${e.id}`);
    ids.add(e.id);
  }
  return entries;
}

// ---------------------------------------------------------------------------
// Cities from CLDR time-zone exemplar cities

/** Zones whose exemplar names the country or territory itself, not a city: the country entry covers it. */
const SKIP_ZONES = new Set(
  `Pacific/Fiji Pacific/Guam Pacific/Nauru Pacific/Niue Pacific/Palau Pacific/Pitcairn
   Europe/Andorra Europe/Gibraltar Europe/Guernsey Europe/Jersey Europe/Isle_of_Man Europe/Malta
   Asia/Bahrain Asia/Brunei Asia/Hong_Kong Asia/Macau Asia/Qatar Asia/Singapore Europe/Monaco Europe/Vatican
   America/Anguilla America/Antigua America/Aruba America/Barbados America/Cayman America/Costa_Rica
   America/Curacao America/Dominica America/El_Salvador America/Grenada America/Guadeloupe
   America/Guyana America/Jamaica America/Martinique America/Montserrat America/Puerto_Rico
   America/St_Barthelemy America/St_Lucia
   Atlantic/Bermuda Atlantic/Cape_Verde Atlantic/Faeroe Atlantic/South_Georgia Atlantic/St_Helena
   Indian/Cocos Indian/Christmas Indian/Comoro Indian/Mauritius Indian/Maldives Indian/Reunion
   Indian/Mayotte Indian/Chagos
   America/Coral_Harbour America/Miquelon America/Indiana/Tell_City America/Indiana/Knox
   America/North_Dakota/Center`.split(/\s+/).filter(Boolean),
);
// Antarctic research stations and the small towns of the US county-level zones are not useful places.
const SKIP_PREFIX = ['Etc/', 'Antarctica/', 'America/Indiana/', 'America/North_Dakota/', 'America/Kentucky/'];
/** Kept although the exemplar equals a country name: the capital has the same name. */
const SAME_NAME_CAPITALS = new Set(
  `Asia/Kuwait Africa/Algiers Africa/Tunis Africa/Djibouti America/Panama America/Guatemala
   Europe/Luxembourg Europe/San_Marino America/Belize Asia/Amman`.split(/\s+/),
);

/**
 * Per-zone corrections: ar = news spelling (CLDR's goes to aliases), en = English name,
 * aliases = extra forms, drop = CLDR forms that are wrong or ordinary words, kind, ambiguous.
 */
const ZONE_FIX = {
  'Europe/Samara': { ar: 'سامارا', drop: ['سمراء'] },
  'Europe/Volgograd': { ar: 'فولغوغراد' },
  'Europe/Kaliningrad': { ar: 'كالينينغراد' },
  'Europe/Kiev': { en: 'Kyiv', aliases: ['Kiev'] },
  'Europe/Zurich': { aliases: ['زوريخ'] },
  'Asia/Yekaterinburg': { ar: 'يكاترينبورغ' },
  'Asia/Novosibirsk': { ar: 'نوفوسيبيرسك' },
  'Asia/Irkutsk': { ar: 'إيركوتسك' },
  'Asia/Vladivostok': { ar: 'فلاديفوستوك' },
  'Asia/Yakutsk': { ar: 'ياكوتسك' },
  'Asia/Magadan': { ar: 'ماغادان' },
  'Asia/Sakhalin': { ar: 'سخالين', kind: 'island' },
  'Asia/Kamchatka': { kind: 'region' },
  'Asia/Aqtobe': { ar: 'أكتوبي' },
  'Asia/Urumqi': { ar: 'أورومتشي' },
  'Asia/Kuching': { ar: 'كوتشينغ' },
  'Asia/Makassar': { ar: 'ماكاسار' },
  'Asia/Ulaanbaatar': { ar: 'أولان باتور' },
  'Asia/Calcutta': { ar: 'كولكاتا', en: 'Kolkata', aliases: ['Calcutta'] },
  'Asia/Rangoon': { ar: 'يانغون', en: 'Yangon', aliases: ['Rangoon'] },
  'Asia/Saigon': { ar: 'مدينة هو تشي منه', en: 'Ho Chi Minh City', aliases: ['هو تشي منه', 'سايغون', 'Saigon'] },
  'Asia/Hebron': { ar: 'الخليل', en: 'Hebron', aliases: ['هيبرون'] },
  'Asia/Amman': { ambiguous: ['عمّان'] },
  'Asia/Muscat': { ambiguous: ['مسقط'] },
  'Asia/Oral': { ambiguous: ['أورال'] },
  'Africa/Ceuta': { ar: 'سبتة', aliases: ['سيتا'] },
  'Africa/Mogadishu': { ar: 'مقديشو' },
  'Africa/Lubumbashi': { ar: 'لوبومباشي' },
  'Africa/Tripoli': { ambiguous: ['طرابلس'] },
  'Africa/Asmera': { en: 'Asmara' },
  'Australia/Perth': { ar: 'بيرث' },
  'Australia/Darwin': { ar: 'داروين', ambiguous: ['داروين', 'دارون'] },
  'Australia/Brisbane': { ar: 'بريسبان' },
  'Australia/Adelaide': { ar: 'أديلايد' },
  'Australia/Lord_Howe': { kind: 'island' },
  'Australia/Lindeman': { kind: 'island' },
  'America/Moncton': { ar: 'مونكتون', drop: ['وينكتون'] },
  'America/Juneau': { ar: 'جونو', drop: ['جوني'] },
  'America/Louisville': { aliases: ['لويفيل'] },
  'America/Godthab': { ar: 'نوك', en: 'Nuuk', aliases: ['Godthåb'] },
  'America/Scoresbysund': { en: 'Scoresbysund', aliases: ['Ittoqqortoormiit'] },
  'America/Nome': { ambiguous: ['نوم'] },
  'America/Belem': { ambiguous: ['بلم'] },
  'America/Phoenix': { ambiguous: ['فينكس'] },
  'America/Regina': { ambiguous: ['ريجينا'] },
  'America/Santiago': { ambiguous: ['سانتياغو'] },
  'America/Argentina/San_Juan': { ambiguous: ['سان خوان'] },
  'America/Argentina/San_Luis': { ambiguous: ['سان لويس'] },
  'America/Argentina/La_Rioja': { ambiguous: ['لا ريوجا'] },
  'America/Bahia': { kind: 'province' },
  'America/Noronha': { kind: 'island' },
  'America/St_Kitts': { kind: 'island' },
  'America/St_Vincent': { kind: 'island' },
  'America/St_Thomas': { kind: 'island' },
  'America/Tortola': { kind: 'island' },
  'America/Thule': { en: 'Thule' },
  'Atlantic/Canary': { en: 'Canary Islands', ar: 'جزر الكناري', aliases: ['الكناري'], drop: ['كناري'], kind: 'island' },
  'Atlantic/Azores': { en: 'Azores', ar: 'جزر الأزور', aliases: ['أزورس'], kind: 'island' },
  'Atlantic/Madeira': { kind: 'island' },
  'Atlantic/Stanley': { ambiguous: ['استانلي'] },
  'Atlantic/Reykjavik': { aliases: ['ريكيافيك', 'ريكيافيك'] },
  'Europe/Sofia': { ambiguous: ['صوفيا'] },
  'Pacific/Easter': { en: 'Easter Island', ar: 'جزيرة القيامة', aliases: ['استر'], ambiguous: ['استر'], kind: 'island' },
  'Pacific/Galapagos': { en: 'Galápagos Islands', ar: 'جزر غالاباغوس', aliases: ['جلاباجوس'], kind: 'island' },
  'Pacific/Truk': { en: 'Chuuk', ambiguous: ['ترك'], kind: 'island' },
  'Pacific/Ponape': { en: 'Pohnpei', kind: 'island' },
  'Pacific/Kosrae': { kind: 'island' },
  'Pacific/Enderbury': { en: 'Canton Island', ambiguous: ['كانتون'], kind: 'island' },
  'Pacific/Kiritimati': { kind: 'island' },
  'Pacific/Kwajalein': { kind: 'island' },
  'Pacific/Chatham': { en: 'Chatham Islands', kind: 'island' },
  'Pacific/Marquesas': { en: 'Marquesas Islands', kind: 'island' },
  'Pacific/Gambier': { en: 'Gambier Islands', kind: 'island' },
  'Pacific/Norfolk': { en: 'Norfolk Island', ambiguous: ['نورفولك'], kind: 'island' },
  'Pacific/Tahiti': { kind: 'island' },
  'Pacific/Rarotonga': { kind: 'island' },
  'Pacific/Bougainville': { kind: 'island' },
  'Pacific/Guadalcanal': { kind: 'island' },
  'Pacific/Fakaofo': { kind: 'island' },
  'Pacific/Tongatapu': { kind: 'island' },
  'Pacific/Midway': { en: 'Midway Atoll', kind: 'island' },
  'Pacific/Wake': { en: 'Wake Island', ambiguous: ['واك'], kind: 'island' },
  'Pacific/Efate': { kind: 'island' },
  'Pacific/Wallis': { en: 'Wallis', drop: ['Wallis & Futuna'], kind: 'island' },
  'Asia/Kuwait': { en: 'Kuwait City', aliases: ['مدينة الكويت'] },
  'America/Guatemala': { en: 'Guatemala City', aliases: ['مدينة غواتيمالا'] },
  'America/Panama': { en: 'Panama City', aliases: ['مدينة بنما'] },
  'America/Belize': { en: 'Belize City', aliases: ['مدينة بليز'] },
  'Europe/Luxembourg': { en: 'Luxembourg City', aliases: ['مدينة لوكسمبورغ'] },
  'Africa/Algiers': { aliases: ['الجزائر العاصمة'] },
  'Africa/Tunis': { aliases: ['تونس العاصمة'] },
  'Africa/Djibouti': { en: 'Djibouti City', aliases: ['مدينة جيبوتي'] },
  'Africa/Dar_es_Salaam': { ambiguous: ['دار السلام'] },
  'Africa/El_Aaiun': { en: 'Laayoune', aliases: ['El Aaiún'], ambiguous: ['العيون'] },
  'Asia/Dili': { ambiguous: ['ديلي'] },
  'America/Jujuy': { ambiguous: ['جوجو'] },
  'Pacific/Saipan': { kind: 'island' },
  'Indian/Chagos': { en: 'Chagos Archipelago', ar: 'أرخبيل تشاغوس', aliases: ['تشاغوس', 'جزر تشاغوس'], kind: 'island' },
  'Indian/Kerguelen': { en: 'Kerguelen Islands', kind: 'island' },
  'Indian/Mahe': { en: 'Mahé', ambiguous: ['ماهي'], kind: 'island' },
  'Antarctica/Macquarie': { en: 'Macquarie Island', kind: 'island' },
};

function zoneEntries() {
  const out = [];
  const walk = (o, path) => {
    for (const k of Object.keys(o)) {
      const v = o[k];
      if (!v || typeof v !== 'object') continue;
      const p = path ? `${path}/${k}` : k;
      if (v._type === 'zone' || 'exemplarCity' in v || 'long' in v || 'short' in v) out.push([p, v]);
      else walk(v, p);
    }
  };
  walk(tzAr, '');
  return out;
}

function enExemplar(zone) {
  const v = zone.split('/').reduce((o, k) => (o ? o[k] : undefined), tzEn);
  if (v && v.exemplarCity) return v.exemplarCity;
  return zone.split('/').pop().replace(/_/g, ' ');
}

/** Zones whose city has a disputed status: a country-free id. */
const DISPUTED_IDS = { 'Asia/Jerusalem': 'loc/jerusalem' };

function buildCities(countryEntries) {
  const all = ct.getAllTimezones({ deprecated: true });
  const countryForms = new Map();
  for (const e of countryEntries) {
    for (const f of [e.name.ar, e.name.en, ...e.aliases]) countryForms.set(norm(f), e.iso2);
  }
  const rows = [];
  const problems = [];
  const seenZones = new Set();
  for (const [zone, v] of zoneEntries()) {
    seenZones.add(zone);
    if (!v.exemplarCity || SKIP_PREFIX.some((p) => zone.startsWith(p)) || SKIP_ZONES.has(zone)) continue;
    const tz = all[zone];
    let countries = tz?.countries ?? [];
    if (!countries.length && tz?.aliasOf) countries = all[tz.aliasOf]?.countries ?? [];
    if (!countries.length) continue;
    const cc = countries[0];
    const fix = ZONE_FIX[zone] ?? {};
    const cldrAr = v.exemplarCity.trim();
    const cldrEnFull = enExemplar(zone);
    // "Beulah, North Dakota" -> "Beulah"; same for Arabic "بيولا، داكوتا الشمالية".
    const nameEn = fix.en ?? cldrEnFull.split(',')[0].trim();
    const arForms = surfaceForms(cldrAr.split('،')[0]);
    const nameAr = fix.ar ?? arForms[0];
    const drop = new Set((fix.drop ?? []).map(norm));
    const seen = new Set([norm(nameAr), norm(nameEn)]);
    const aliases = [];
    for (const a of [...arForms, ...(fix.aliases ?? []), cldrEnFull]) {
      const k = norm(a);
      if (!a || seen.has(k) || drop.has(k)) continue;
      // English zone-derived names of same-name capitals ("Kuwait") are the country's, not the city's.
      if (!hasArabic(a) && countryForms.has(k)) continue;
      seen.add(k);
      aliases.push(a);
    }
    if (countryForms.has(norm(nameAr)) && !SAME_NAME_CAPITALS.has(zone)) {
      problems.push(`${zone}: exemplar ${nameAr} is a country name; add to SKIP_ZONES or SAME_NAME_CAPITALS`);
      continue;
    }
    const ambiguous = new Set(fix.ambiguous ?? []);
    // A city named like a country (الكويت, تونس) fires only with evidence.
    for (const f of [nameAr, nameEn, ...aliases]) if (countryForms.has(norm(f))) ambiguous.add(f);
    // Jerusalem's status is disputed: one id with no country, shared with the curated entry.
    const disputed = DISPUTED_IDS[zone];
    rows.push({
      id: disputed ?? fix.id ?? `loc/${slug(nameEn)}-${cc.toLowerCase()}`,
      type: 'LOC',
      kind: fix.kind ?? 'city',
      ...(disputed ? {} : { country: cc }),
      name: { ar: nameAr, en: nameEn },
      aliases,
      ambiguous: [...ambiguous],
      zone,
    });
  }
  for (const z of Object.keys(ZONE_FIX)) if (!seenZones.has(z)) problems.push(`ZONE_FIX: unknown zone ${z}`);
  if (problems.length) throw new Error(problems.join('\n'));
  // Forms shared by two cities are ambiguous in both.
  const owners = new Map();
  for (const r of rows) {
    for (const f of [r.name.ar, ...r.aliases]) {
      const k = norm(f);
      if (!owners.has(k)) owners.set(k, new Set());
      owners.get(k).add(r.id);
    }
  }
  for (const r of rows) {
    const amb = new Map(r.ambiguous.map((a) => [norm(a), a]));
    for (const f of [r.name.ar, ...r.aliases]) if (owners.get(norm(f)).size > 1) amb.set(norm(f), f);
    const listed = new Map([r.name.ar, r.name.en, ...r.aliases].map((f) => [norm(f), f]));
    for (const [k, a] of amb) if (!listed.has(k)) throw new Error(`${r.zone}: ambiguous ${a} not listed`);
    r.ambiguous = [...amb.keys()].sort().map((k) => listed.get(k));
    delete r.zone;
  }
  rows.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  for (let i = 1; i < rows.length; i++) if (rows[i].id === rows[i - 1].id) throw new Error(`duplicate id ${rows[i].id}`);
  return rows;
}

// ---------------------------------------------------------------------------

const countries = buildCountries();
const cities = buildCities(countries);
writeJsonl(
  join(LEX, 'generated', 'countries.jsonl'),
  {
    $generated:
      'by scripts/gen-lexicons.js from i18n-iso-countries, cldr-localenames-full; do not edit, edit lexicons/curated/country-aliases.jsonl',
  },
  countries,
);
writeJsonl(
  join(LEX, 'generated', 'cities-cldr.jsonl'),
  {
    $generated:
      'by scripts/gen-lexicons.js from cldr-dates-full (exemplar cities), countries-and-timezones; do not edit, edit the tables in the script',
  },
  cities,
);
const arForms = new Set();
for (const e of countries) for (const f of [e.name.ar, ...e.aliases]) if (hasArabic(f)) arForms.add(norm(f));
console.log(
  `countries.jsonl: ${countries.length} entries, ${arForms.size} distinct Arabic surface forms; ` +
    `cities-cldr.jsonl: ${cities.length} entries`,
);

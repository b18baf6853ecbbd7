import { readFileSync, createRequire } from '../builtins.js';
import { normalizeKey } from '../normalize/index.js';
import { lightStem } from './stem.js';

/**
 * Our own additions to stopwords-iso's Arabic list: reporting verbs, time words, ordinals,
 * caption and credit words and frequent function words that the ISO list lacks. Written as
 * news writes them; they are normalized like every other key.
 */
const OWN = `
قال قالت يقول تقول قالوا أضاف أضافت يضيف أكد أكدت يؤكد تؤكد أعلن أعلنت يعلن تعلن أشار أشارت يشير تشير
أوضح أوضحت يوضح ذكر ذكرت يذكر ذكرت أفاد أفادت يفيد نقل نقلت ينقل تابع تابعت لفت لفتت أعرب أعربت
اعتبر اعتبرت يعتبر رأى رأت يرى ترى شدد شددت يشدد دعا دعت يدعو تدعو وصف وصفت كشف كشفت يكشف تكشف
جاء جاءت يأتي تأتي أصبحت بات باتت ظل ظلت يزال تزال زال زالت مازال ما زال لايزال يمكن يجب ينبغي
تم يتم تمت جرى يجري أجرى أجرت وفق وفقا طبقا بحسب حسبما نحو قرابة حوالي نحوا أكثر أقل أخرى آخر آخرين
اليوم أمس غدا الأحد الاثنين الإثنين الثلاثاء الأربعاء الخميس الجمعة السبت يوم أيام أسبوع الأسبوع
شهر الشهر أشهر عام العام أعوام سنة السنة العام الماضي الجاري المقبل الماضي الحالي مساء صباح ليلة
يناير فبراير مارس أبريل إبريل مايو يونيو يوليو أغسطس سبتمبر أكتوبر نوفمبر ديسمبر
كانون شباط آذار نيسان أيار حزيران تموز آب أيلول تشرين
الأول الثاني الثالث الرابع الخامس الأولى الثانية الثالثة واحد اثنان اثنين ثلاث ثلاثة أربع أربعة
خمس خمسة ست ستة سبع سبعة ثمان ثمانية تسع تسعة عشر عشرة عشرات مئات آلاف ألف ألفي مائة مئة المائة
خلال بين لدى عبر إثر جراء بسبب نتيجة ضمن إزاء حيال تجاه عقب قبيل بعيد وسط أمام داخل خارج فوق تحت
كل كافة جميع بعض عدة عدد أي أية غير سوى فقط أيضا كذلك كما بينما فيما حين حيث إذ إنه إنها أنه أنها
هذا هذه ذلك تلك هؤلاء الذي التي الذين اللذين هناك هنا هنالك لقد قد لن لم ليس ليست كان كانت يكون تكون
مصدر مصادر مسؤول مسؤولون مسؤولين المسؤول بيان البيان تصريح تصريحات تصريحه صحفي صحافي وكالة صحيفة
صورة أرشيفية المزيد TT
مضيفا مضيفة مؤكدا مؤكدة مشيرا مشيرة لافتا لافتة موضحا موضحة معتبرا معتبرة قائلا قائلة
نفسه نفسها ذاته ذاتها سواء إما إلا حتى منذ لدى لكن لكنه لكنها وقت الوقت مرة المرة مرات جديد جديدة
تشهد يشهد شهد شهدت تشهدها يشهدها زيادة ارتفاع انخفاض تراجع بلغ يبلغ تبلغ بلغت وصل وصلت يصل تصل
أيضا إضافة بالإضافة خاصة عدم دون حول ضد إطار عبر أكثر أبرز مختلف مختلفة متعددة عديدة كبير كبيرة
خرج خرجت يخرج تخرج دخل دخلت يدخل تدخل أدى أدت يؤدي تؤدي قام قامت يقوم تقوم بدأ بدأت يبدأ تبدأ عاد عادت يعود تعود
`;

let cached: ReadonlySet<string> | undefined;

/**
 * Normalized stopword keys: stopwords-iso's Arabic list plus {@link OWN}, each added as its
 * normalized form, without its article, and its light stem. Built on first use.
 * @internal
 */
export function stopwordSet(): ReadonlySet<string> {
  if (cached) return cached;
  // precomputed by the build (scripts/compile-lexicons.js) from this function: one small JSON array
  try {
    const pre = JSON.parse(readFileSync(new URL('../stopwords.json', import.meta.url), 'utf8')) as unknown;
    if (Array.isArray(pre) && pre.length && pre.every((x) => typeof x === 'string')) return (cached = new Set(pre));
  } catch {
    // not built: compute below
  }
  return (cached = computeStopwordSet());
}

/** {@link stopwordSet}, computed from stopwords-iso and {@link OWN}. @internal */
export function computeStopwordSet(): ReadonlySet<string> {
  const require = createRequire(import.meta.url);
  const iso = (require('stopwords-iso/stopwords-iso.json') as Record<string, string[]>).ar ?? [];
  const set = new Set<string>();
  for (const w of [...iso, ...OWN.split(/\s+/)]) {
    if (!w) continue;
    const k = normalizeKey(w).toLowerCase();
    if (!k) continue;
    set.add(k);
    if (k.startsWith('ال') && k.length > 4) set.add(k.slice(2));
    set.add(lightStem(k));
  }
  return set;
}

/** True when a clitic-free key (or its stem: `lightStem(key)`, computed when not given) is a stopword. @internal */
export function isStopKey(key: string, stops: ReadonlySet<string>, stem?: string): boolean {
  return stops.has(key) || (key.startsWith('ال') && stops.has(key.slice(2))) || stops.has(stem ?? lightStem(key));
}

/* lajna-demo-name-lists.c: the people and the words the demo data is made of.
 *
 * Names are the ones a Libyan registry office actually sees: Libyan given
 * and family names, Arab names of neighbouring countries with the
 * transliteration their passports print, and for other countries the Latin
 * name with the Arabic spelling a clerk would type. The lists hold each
 * name once, in its dictionary spelling and without surrounding spaces;
 * the variants people type are derived from it in lajna-demo-names.c, so
 * that joining the parts with single spaces is exactly lajna_words() in SQL.
 * This file is data and the lookups into it; the logic that makes people
 * of it lives there.
 */

#include "lajna-demo-name-lists.h"

#define NAMES(a) { (a), G_N_ELEMENTS (a) }
#define NO_NAMES { NULL, 0 }

static const LajnaDemoName arab_male[] = {
  { "محمد", "Mohamed" }, { "أحمد", "Ahmed" }, { "علي", "Ali" }, { "عمر", "Omar" },
  { "عبد الله", "Abdullah" }, { "عبد الرحمن", "Abdulrahman" }, { "عبد السلام", "Abdulsalam" },
  { "عبد الحميد", "Abdulhamid" }, { "عبد الكريم", "Abdulkarim" }, { "عبد الرزاق", "Abdulrazzaq" },
  { "عبد الباسط", "Abdulbasit" }, { "عبد الفتاح", "Abdulfattah" }, { "عبد العزيز", "Abdulaziz" },
  { "عبد المنعم", "Abdulmonem" }, { "عبد الحكيم", "Abdulhakim" }, { "عبد الناصر", "Abdulnasser" },
  { "عبد المجيد", "Abdulmajid" }, { "مصطفى", "Mustafa" }, { "إبراهيم", "Ibrahim" },
  { "إسماعيل", "Ismail" }, { "يوسف", "Yousef" }, { "يحيى", "Yahya" }, { "موسى", "Musa" },
  { "عيسى", "Issa" }, { "خالد", "Khaled" }, { "سالم", "Salem" }, { "سليمان", "Suleiman" },
  { "صالح", "Saleh" }, { "حسن", "Hassan" }, { "حسين", "Hussein" }, { "محمود", "Mahmoud" },
  { "مفتاح", "Muftah" }, { "ميلاد", "Milad" }, { "رمضان", "Ramadan" }, { "جمعة", "Juma" },
  { "فرج", "Faraj" }, { "مصباح", "Misbah" }, { "الهادي", "Elhadi" }, { "الطاهر", "Altaher" },
  { "الصادق", "Alsadiq" }, { "المبروك", "Almabrouk" }, { "بشير", "Bashir" }, { "نوري", "Nouri" },
  { "فتحي", "Fathi" }, { "جمال", "Jamal" }, { "طارق", "Tarek" }, { "هشام", "Hisham" },
  { "وليد", "Walid" }, { "أسامة", "Osama" }, { "أيمن", "Ayman" }, { "أنس", "Anas" },
  { "معاذ", "Muath" }, { "حمزة", "Hamza" }, { "بلال", "Bilal" }, { "عادل", "Adel" },
  { "عماد", "Emad" }, { "رضا", "Rida" }, { "منصور", "Mansour" }, { "ناصر", "Nasser" },
  { "حافظ", "Hafez" }, { "عصام", "Essam" }, { "مراد", "Murad" }, { "نبيل", "Nabil" },
  { "سعد", "Saad" }, { "سعيد", "Said" }, { "عثمان", "Othman" }, { "عمران", "Omran" },
  { "الصديق", "Alseddiq" }, { "المهدي", "Almahdi" }, { "إدريس", "Idris" }, { "عوض", "Awad" },
  { "فوزي", "Fawzi" }, { "رجب", "Rajab" }, { "شعبان", "Shaaban" }, { "عاشور", "Ashour" },
  { "خليفة", "Khalifa" }, { "أبوبكر", "Abubaker" }, { "زكريا", "Zakaria" }, { "مختار", "Mukhtar" },
  { "الطيب", "Altayeb" }, { "ضو", "Daw" }, { "الشارف", "Alsharef" }, { "مؤيد", "Muayad" },
  { "رؤوف", "Raouf" }, { "هيثم", "Haitham" }, { "ياسين", "Yassin" }, { "أشرف", "Ashraf" },
  { "مهند", "Muhannad" }, { "وائل", "Wael" }, { "ماهر", "Maher" },
};

static const LajnaDemoName arab_female[] = {
  { "فاطمة", "Fatima" }, { "عائشة", "Aisha" }, { "خديجة", "Khadija" }, { "مريم", "Maryam" },
  { "زينب", "Zainab" }, { "سعاد", "Suad" }, { "نجاة", "Najat" }, { "سليمة", "Salima" },
  { "أمينة", "Amina" }, { "حليمة", "Halima" }, { "آمنة", "Amna" }, { "نعيمة", "Naima" },
  { "فوزية", "Fawzia" }, { "حنان", "Hanan" }, { "سمية", "Sumaya" }, { "هدى", "Huda" },
  { "ليلى", "Laila" }, { "منى", "Mona" }, { "سلوى", "Salwa" }, { "نادية", "Nadia" },
  { "رحاب", "Rehab" }, { "إيمان", "Eman" }, { "أسماء", "Asma" }, { "سارة", "Sara" },
  { "نور", "Nour" }, { "هاجر", "Hajar" }, { "رقية", "Ruqaya" }, { "صفية", "Safia" },
  { "زهرة", "Zahra" }, { "مبروكة", "Mabrouka" }, { "عزيزة", "Aziza" }, { "خيرية", "Khairia" },
  { "نجلاء", "Najla" }, { "وفاء", "Wafa" }, { "أمل", "Amal" }, { "ابتسام", "Ibtisam" },
  { "انتصار", "Intisar" }, { "رباب", "Rabab" }, { "سناء", "Sanaa" }, { "ريم", "Reem" },
  { "رانيا", "Rania" }, { "دعاء", "Doaa" }, { "آلاء", "Alaa" }, { "ملاك", "Malak" },
  { "جميلة", "Jamila" }, { "حواء", "Hawa" }, { "نوال", "Nawal" }, { "سهام", "Siham" },
  { "عفاف", "Afaf" }, { "بسمة", "Basma" }, { "غادة", "Ghada" }, { "لبنى", "Lubna" },
  { "هالة", "Hala" }, { "شيماء", "Shaimaa" }, { "إسراء", "Israa" }, { "رحمة", "Rahma" },
  { "تهاني", "Tahani" }, { "فائزة", "Faiza" }, { "سميرة", "Samira" }, { "كريمة", "Karima" },
  { "نسرين", "Nesrine" }, { "يسرى", "Yusra" }, { "لمياء", "Lamia" }, { "وداد", "Widad" },
  { "ثريا", "Thuraya" },
};

/* Libyans need no Latin spelling here: only foreigners carry a Latin name. */
static const LajnaDemoName libyan_family[] = {
  { "الورفلي" }, { "المصراتي" }, { "الزاوي" }, { "الترهوني" }, { "البرعصي" }, { "العبيدي" },
  { "المقريف" }, { "الفيتوري" }, { "الكيلاني" }, { "الشريف" }, { "بن غلبون" }, { "الغرياني" },
  { "الزنتاني" }, { "الككلي" }, { "السويحلي" }, { "المنتصر" }, { "بن شتوان" }, { "الدرسي" },
  { "العقوري" }, { "المغربي" }, { "الفاخري" }, { "الحاسي" }, { "المسماري" }, { "الزوي" },
  { "التاجوري" }, { "الجهاني" }, { "الغويل" }, { "بن حليم" }, { "الشلماني" }, { "الكبتي" },
  { "العرفي" }, { "البرغثي" }, { "المجبري" }, { "الفرجاني" }, { "القماطي" }, { "المهدوي" },
  { "الأطرش" }, { "بوسهمين" }, { "الهوني" }, { "الصويعي" }, { "الجربي" }, { "الغناي" },
  { "بن نصر" }, { "الشيباني" }, { "الساعدي" }, { "الفقيه" }, { "الأسطى" }, { "بن عمران" },
  { "بوشناف" }, { "النعاس" }, { "الدباشي" }, { "الطرابلسي" }, { "القريو" }, { "المحجوب" },
  { "الحضيري" }, { "الشحومي" }, { "المزوغي" }, { "البوسيفي" }, { "الفرطاس" }, { "الغدامسي" },
  { "الأوجلي" }, { "العماري" }, { "الرياني" }, { "السنوسي" }, { "الحداد" }, { "بعيو" },
  { "الكاديكي" }, { "البكوش" }, { "بن زكري" }, { "العوامي" }, { "الكوافي" }, { "المنفي" },
  { "الشكشوكي" }, { "الحاراتي" }, { "بن يوسف" }, { "التومي" }, { "الجمل" }, { "العكرمي" },
  { "القطعاني" }, { "بوحليقة" }, { "الزليتني" }, { "الأمين" }, { "السراج" }, { "بالخير" },
};

static const LajnaDemoName egyptian_family[] = {
  { "عبد الرحمن", "Abdelrahman" }, { "الشافعي", "El-Shafei" }, { "السيد", "El-Sayed" },
  { "عبد العال", "Abdelaal" }, { "المصري", "El-Masry" }, { "حسانين", "Hassanein" },
  { "الجندي", "El-Gendy" }, { "النجار", "El-Naggar" }, { "سليم", "Selim" }, { "فهمي", "Fahmy" },
};

static const LajnaDemoName tunisian_family[] = {
  { "بن علي", "Ben Ali" }, { "الطرابلسي", "Trabelsi" }, { "الحمامي", "Hammami" },
  { "بن صالح", "Ben Salah" }, { "الغربي", "Gharbi" }, { "الجلاصي", "Jlassi" },
  { "المرزوقي", "Marzouki" }, { "العياري", "Ayari" },
};

static const LajnaDemoName algerian_family[] = {
  { "بلقاسم", "Belkacem" }, { "بوزيد", "Bouzid" }, { "بن عيسى", "Benaissa" },
  { "زروقي", "Zerrouki" }, { "مسعودي", "Messaoudi" }, { "بوعلام", "Boualem" },
  { "حمادي", "Hamadi" }, { "سعيداني", "Saidani" },
};

static const LajnaDemoName moroccan_family[] = {
  { "العلوي", "Alaoui" }, { "الإدريسي", "El Idrissi" }, { "الفاسي", "El Fassi" },
  { "بنعلي", "Benali" }, { "التازي", "Tazi" }, { "الصقلي", "Sqalli" }, { "بناني", "Bennani" },
  { "الوزاني", "Ouazzani" },
};

static const LajnaDemoName levantine_family[] = {
  { "حداد", "Haddad" }, { "خوري", "Khoury" }, { "النابلسي", "Nabulsi" }, { "الحلبي", "Halabi" },
  { "العلي", "Al-Ali" }, { "الشامي", "Shami" }, { "قاسم", "Kassem" }, { "الخطيب", "Al-Khatib" },
  { "الزعبي", "Zoubi" }, { "البرغوثي", "Barghouti" }, { "عبد الهادي", "Abdelhadi" },
  { "الصباغ", "Sabbagh" }, { "الأيوبي", "Ayoubi" },
};

static const LajnaDemoName sudanese_family[] = {
  { "عثمان", "Osman" }, { "الأمين", "Elamin" }, { "عبد الرحيم", "Abdelrahim" },
  { "محجوب", "Mahjoub" }, { "الطيب", "Eltayeb" }, { "بابكر", "Babiker" }, { "الحسن", "Elhassan" },
};

static const LajnaDemoName iraqi_family[] = {
  { "الجبوري", "Al-Jubouri" }, { "التميمي", "Al-Tamimi" }, { "الدليمي", "Al-Dulaimi" },
  { "الربيعي", "Al-Rubaie" }, { "الخفاجي", "Al-Khafaji" }, { "الزبيدي", "Al-Zubaidi" },
  { "البغدادي", "Al-Baghdadi" },
};

static const LajnaDemoName ph_male[] = {
  { "خوسيه", "Jose" }, { "خوان", "Juan" }, { "مارك", "Mark" }, { "جون", "John" },
  { "كارلو", "Carlo" }, { "ميغيل", "Miguel" }, { "رافائيل", "Rafael" }, { "باولو", "Paolo" },
};
static const LajnaDemoName ph_female[] = {
  { "ماريا", "Maria" }, { "أنجليكا", "Angelica" }, { "كريستين", "Kristine" },
  { "ماريسيل", "Maricel" }, { "جوسلين", "Jocelyn" }, { "روينا", "Rowena" },
  { "آنالين", "Analyn" }, { "جنيفر", "Jennifer" },
};
static const LajnaDemoName ph_family[] = {
  { "سانتوس", "Santos" }, { "رييس", "Reyes" }, { "كروز", "Cruz" }, { "باوتيستا", "Bautista" },
  { "غارسيا", "Garcia" }, { "ميندوزا", "Mendoza" }, { "ديلا كروز", "Dela Cruz" },
  { "فيلانويفا", "Villanueva" }, { "راموس", "Ramos" }, { "أكينو", "Aquino" },
};

static const LajnaDemoName tr_male[] = {
  { "محمد", "Mehmet" }, { "مصطفى", "Mustafa" }, { "أحمد", "Ahmet" }, { "أمره", "Emre" },
  { "بوراك", "Burak" }, { "مراد", "Murat" }, { "هاكان", "Hakan" }, { "يوسف", "Yusuf" },
};
static const LajnaDemoName tr_female[] = {
  { "عائشة", "Ayşe" }, { "فاطمة", "Fatma" }, { "أليف", "Elif" }, { "زينب", "Zeynep" },
  { "أمينة", "Emine" }, { "مروة", "Merve" }, { "إسراء", "Esra" }, { "بشرى", "Büşra" },
};
static const LajnaDemoName tr_family[] = {
  { "يلماز", "Yılmaz" }, { "كايا", "Kaya" }, { "دمير", "Demir" }, { "شاهين", "Şahin" },
  { "تشيليك", "Çelik" }, { "يلدز", "Yıldız" }, { "آيدن", "Aydın" }, { "أوزتورك", "Öztürk" },
  { "أرسلان", "Arslan" }, { "دوغان", "Doğan" },
};

static const LajnaDemoName ua_male[] = {
  { "أولكسندر", "Oleksandr" }, { "أندري", "Andriy" }, { "سيرهي", "Serhiy" },
  { "دميترو", "Dmytro" }, { "فولوديمير", "Volodymyr" }, { "ميكولا", "Mykola" },
  { "إيفان", "Ivan" }, { "يوري", "Yuriy" },
};
static const LajnaDemoName ua_female[] = {
  { "أولينا", "Olena" }, { "إيرينا", "Iryna" }, { "ناتاليا", "Nataliia" }, { "تيتيانا", "Tetiana" },
  { "أوكسانا", "Oksana" }, { "يوليا", "Yuliia" }, { "سفيتلانا", "Svitlana" },
  { "كاترينا", "Kateryna" },
};
static const LajnaDemoName ua_family[] = {
  { "شيفتشينكو", "Shevchenko" }, { "كوفالينكو", "Kovalenko" }, { "بوندارينكو", "Bondarenko" },
  { "تكاتشينكو", "Tkachenko" }, { "كرافتشينكو", "Kravchenko" }, { "ميلنيك", "Melnyk" },
  { "بويكو", "Boiko" }, { "ليسينكو", "Lysenko" }, { "موروز", "Moroz" },
  { "سافتشينكو", "Savchenko" },
};

static const LajnaDemoName ru_male[] = {
  { "ألكسندر", "Aleksandr" }, { "دميتري", "Dmitry" }, { "سيرغي", "Sergey" },
  { "أندريه", "Andrey" }, { "أليكسي", "Alexey" }, { "ميخائيل", "Mikhail" },
  { "نيكولاي", "Nikolay" }, { "بافل", "Pavel" },
};
static const LajnaDemoName ru_female[] = {
  { "آنا", "Anna" }, { "يلينا", "Elena" }, { "أولغا", "Olga" }, { "تاتيانا", "Tatiana" },
  { "ناتاليا", "Natalia" }, { "إيرينا", "Irina" }, { "سفيتلانا", "Svetlana" },
  { "يكاترينا", "Ekaterina" },
};
static const LajnaDemoName ru_family[] = {
  { "إيفانوف", "Ivanov" }, { "سميرنوف", "Smirnov" }, { "كوزنيتسوف", "Kuznetsov" },
  { "بوبوف", "Popov" }, { "فولكوف", "Volkov" }, { "سوكولوف", "Sokolov" },
  { "موروزوف", "Morozov" }, { "بيتروف", "Petrov" },
};
static const LajnaDemoName ru_family_female[] = {
  { "إيفانوفا", "Ivanova" }, { "سميرنوفا", "Smirnova" }, { "كوزنيتسوفا", "Kuznetsova" },
  { "بوبوفا", "Popova" }, { "فولكوفا", "Volkova" }, { "سوكولوفا", "Sokolova" },
  { "موروزوفا", "Morozova" }, { "بيتروفا", "Petrova" },
};

static const LajnaDemoName de_male[] = {
  { "توماس", "Thomas" }, { "ميخائيل", "Michael" }, { "أندرياس", "Andreas" },
  { "شتيفان", "Stefan" }, { "ماركوس", "Markus" }, { "يان", "Jan" }, { "توبياس", "Tobias" },
  { "لوكاس", "Lukas" },
};
static const LajnaDemoName de_female[] = {
  { "آنا", "Anna" }, { "يوليا", "Julia" }, { "كاتارينا", "Katharina" }, { "زابينه", "Sabine" },
  { "لاورا", "Laura" }, { "لينا", "Lena" }, { "سارة", "Sarah" }, { "كلاوديا", "Claudia" },
};
static const LajnaDemoName de_family[] = {
  { "مولر", "Müller" }, { "شميت", "Schmidt" }, { "شنايدر", "Schneider" }, { "فيشر", "Fischer" },
  { "فيبر", "Weber" }, { "ماير", "Meyer" }, { "فاغنر", "Wagner" }, { "بيكر", "Becker" },
  { "هوفمان", "Hoffmann" }, { "شولتس", "Schulz" },
};

static const LajnaDemoName it_male[] = {
  { "ماركو", "Marco" }, { "جوزيبي", "Giuseppe" }, { "لوكا", "Luca" },
  { "فرانشيسكو", "Francesco" }, { "أليساندرو", "Alessandro" }, { "أندريا", "Andrea" },
  { "ماتيو", "Matteo" }, { "جوفاني", "Giovanni" },
};
static const LajnaDemoName it_female[] = {
  { "جوليا", "Giulia" }, { "فرانشيسكا", "Francesca" }, { "كيارا", "Chiara" }, { "سارة", "Sara" },
  { "فالنتينا", "Valentina" }, { "إيلينا", "Elena" }, { "مارتينا", "Martina" },
  { "أليسيا", "Alessia" },
};
static const LajnaDemoName it_family[] = {
  { "روسي", "Rossi" }, { "روسو", "Russo" }, { "فيراري", "Ferrari" }, { "إسبوزيتو", "Esposito" },
  { "بيانكي", "Bianchi" }, { "رومانو", "Romano" }, { "كولومبو", "Colombo" }, { "ريتشي", "Ricci" },
  { "مارينو", "Marino" }, { "غريكو", "Greco" },
};

static const LajnaDemoName gb_male[] = {
  { "جيمس", "James" }, { "ديفيد", "David" }, { "دانيال", "Daniel" }, { "توماس", "Thomas" },
  { "أوليفر", "Oliver" }, { "ماثيو", "Matthew" }, { "بول", "Paul" }, { "ريتشارد", "Richard" },
};
static const LajnaDemoName gb_female[] = {
  { "إيما", "Emma" }, { "سارة", "Sarah" }, { "شارلوت", "Charlotte" }, { "إميلي", "Emily" },
  { "صوفي", "Sophie" }, { "رايتشل", "Rachel" }, { "هانا", "Hannah" }, { "لوسي", "Lucy" },
};
static const LajnaDemoName gb_family[] = {
  { "سميث", "Smith" }, { "جونز", "Jones" }, { "ويليامز", "Williams" }, { "تايلور", "Taylor" },
  { "براون", "Brown" }, { "ديفيز", "Davies" }, { "إيفانز", "Evans" }, { "ويلسون", "Wilson" },
  { "توماس", "Thomas" }, { "جونسون", "Johnson" },
};

static const LajnaDemoName us_male[] = {
  { "مايكل", "Michael" }, { "كريستوفر", "Christopher" }, { "جوشوا", "Joshua" },
  { "ماثيو", "Matthew" }, { "أندرو", "Andrew" }, { "رايان", "Ryan" }, { "براندون", "Brandon" },
  { "تايلر", "Tyler" },
};
static const LajnaDemoName us_female[] = {
  { "جيسيكا", "Jessica" }, { "آشلي", "Ashley" }, { "جنيفر", "Jennifer" }, { "أماندا", "Amanda" },
  { "إميلي", "Emily" }, { "ميغان", "Megan" }, { "لورين", "Lauren" }, { "ريتشل", "Rachel" },
};
static const LajnaDemoName us_family[] = {
  { "جونسون", "Johnson" }, { "ويليامز", "Williams" }, { "ميلر", "Miller" }, { "ديفيس", "Davis" },
  { "أندرسون", "Anderson" }, { "مارتينيز", "Martinez" }, { "كلارك", "Clark" },
  { "روبنسون", "Robinson" }, { "ووكر", "Walker" }, { "يونغ", "Young" },
};

static const LajnaDemoName ng_male[] = {
  { "تشينيدو", "Chinedu" }, { "إيميكا", "Emeka" }, { "أولوواسيون", "Oluwaseun" },
  { "أبو بكر", "Abubakar" }, { "إبراهيم", "Ibrahim" }, { "تندي", "Tunde" }, { "موسى", "Musa" },
  { "أوتشي", "Uche" },
};
static const LajnaDemoName ng_female[] = {
  { "نغوزي", "Ngozi" }, { "تشياماكا", "Chiamaka" }, { "عائشة", "Aisha" },
  { "فونميلايو", "Funmilayo" }, { "بليسينغ", "Blessing" }, { "أمينة", "Amina" },
  { "فولاكي", "Folake" }, { "زينب", "Zainab" },
};
static const LajnaDemoName ng_family[] = {
  { "أوكافور", "Okafor" }, { "أديمي", "Adeyemi" }, { "أوكونكوو", "Okonkwo" }, { "بيلو", "Bello" },
  { "أبو بكر", "Abubakar" }, { "إيزي", "Eze" }, { "أوغونلي", "Ogunleye" }, { "محمد", "Mohammed" },
  { "نووسو", "Nwosu" }, { "دانجوما", "Danjuma" },
};

static const LajnaDemoName et_male[] = {
  { "أبيبي", "Abebe" }, { "داويت", "Dawit" }, { "غيتاتشو", "Getachew" }, { "تسفاي", "Tesfaye" },
  { "سولومون", "Solomon" }, { "يوناس", "Yonas" }, { "بيكيلي", "Bekele" }, { "محمد", "Mohammed" },
};
static const LajnaDemoName et_female[] = {
  { "تيغيست", "Tigist" }, { "ميسيرت", "Meseret" }, { "هيروت", "Hirut" }, { "سلام", "Selam" },
  { "بيتلحم", "Bethlehem" }, { "ألماز", "Almaz" }, { "حنا", "Hanna" }, { "خديجة", "Kedija" },
};
static const LajnaDemoName et_family[] = {
  { "تاديسي", "Tadesse" }, { "بيكيلي", "Bekele" }, { "هايلي", "Haile" }, { "غيرما", "Girma" },
  { "أليمو", "Alemu" }, { "منغستو", "Mengistu" }, { "ولدي", "Wolde" }, { "تسفاي", "Tesfaye" },
  { "كيبيدي", "Kebede" }, { "أحمد", "Ahmed" },
};

static const LajnaDemoName bd_male[] = {
  { "محمد", "Mohammad" }, { "عبد الكريم", "Abdul Karim" }, { "رحيم", "Rahim" },
  { "حسن", "Hasan" }, { "كمال", "Kamal" }, { "رفيق الإسلام", "Rafiqul" },
  { "أمين الإسلام", "Aminul" }, { "جهانغير", "Jahangir" },
};
static const LajnaDemoName bd_female[] = {
  { "فاطمة", "Fatema" }, { "نسرين", "Nasrin" }, { "شيرين", "Shirin" }, { "تسليمة", "Taslima" },
  { "رقية", "Rokeya" }, { "فرزانة", "Farzana" }, { "سلطانة", "Sultana" }, { "عائشة", "Ayesha" },
};
static const LajnaDemoName bd_family[] = {
  { "حسين", "Hossain" }, { "رحمن", "Rahman" }, { "إسلام", "Islam" }, { "أحمد", "Ahmed" },
  { "الدين", "Uddin" }, { "تشودري", "Chowdhury" }, { "أختر", "Akter" }, { "ميا", "Miah" },
  { "سركار", "Sarker" }, { "خان", "Khan" },
};

static const LajnaDemoName pk_male[] = {
  { "محمد", "Muhammad" }, { "علي", "Ali" }, { "عمران", "Imran" }, { "بلال", "Bilal" },
  { "عثمان", "Usman" }, { "كاشف", "Kashif" }, { "آصف", "Asif" }, { "فرحان", "Farhan" },
};
static const LajnaDemoName pk_female[] = {
  { "عائشة", "Ayesha" }, { "ثناء", "Sana" }, { "فاطمة", "Fatima" }, { "حنا", "Hina" },
  { "صائمة", "Saima" }, { "رابعة", "Rabia" }, { "مهوش", "Mehwish" }, { "زينب", "Zainab" },
};
static const LajnaDemoName pk_family[] = {
  { "خان", "Khan" }, { "أحمد", "Ahmed" }, { "مالك", "Malik" }, { "حسين", "Hussain" },
  { "قريشي", "Qureshi" }, { "بت", "Butt" }, { "تشودري", "Chaudhry" }, { "شيخ", "Sheikh" },
  { "رضا", "Raza" }, { "صديقي", "Siddiqui" },
};

static const LajnaDemoName id_male[] = {
  { "بودي", "Budi" }, { "أغوس", "Agus" }, { "أحمد", "Ahmad" }, { "رزقي", "Rizky" },
  { "ديدي", "Dedi" }, { "هندرا", "Hendra" }, { "إيكو", "Eko" }, { "محمد", "Muhammad" },
};
static const LajnaDemoName id_female[] = {
  { "سيتي", "Siti" }, { "ديوي", "Dewi" }, { "سري", "Sri" }, { "نور", "Nur" }, { "فطري", "Fitri" },
  { "راتنا", "Ratna" }, { "بوتري", "Putri" }, { "إنداه", "Indah" },
};
static const LajnaDemoName id_family[] = {
  { "سانتوسو", "Santoso" }, { "ويجايا", "Wijaya" }, { "سابوترا", "Saputra" },
  { "هدايات", "Hidayat" }, { "كورنياوان", "Kurniawan" }, { "سيتياوان", "Setiawan" },
  { "براتاما", "Pratama" }, { "نوغروهو", "Nugroho" }, { "سيريغار", "Siregar" },
  { "لوبيس", "Lubis" },
};

static const LajnaDemoName rs_male[] = {
  { "نيكولا", "Nikola" }, { "ماركو", "Marko" }, { "ستيفان", "Stefan" }, { "ميلان", "Milan" },
  { "نيمانيا", "Nemanja" }, { "ألكسندر", "Aleksandar" }, { "دراغان", "Dragan" }, { "لوكا", "Luka" },
};
static const LajnaDemoName rs_female[] = {
  { "ميليتسا", "Milica" }, { "يلينا", "Jelena" }, { "آنا", "Ana" }, { "ماريا", "Marija" },
  { "يوفانا", "Jovana" }, { "إيفانا", "Ivana" }, { "دراغانا", "Dragana" }, { "تمارا", "Tamara" },
};
static const LajnaDemoName rs_family[] = {
  { "يوفانوفيتش", "Jovanović" }, { "بتروفيتش", "Petrović" }, { "نيكوليتش", "Nikolić" },
  { "ماركوفيتش", "Marković" }, { "جورجيفيتش", "Đorđević" }, { "ستويانوفيتش", "Stojanović" },
  { "إيليتش", "Ilić" }, { "ستانكوفيتش", "Stanković" }, { "بافلوفيتش", "Pavlović" },
  { "ميلوشيفيتش", "Milošević" },
};

static const LajnaDemoName ba_male[] = {
  { "أمير", "Amir" }, { "إمير", "Emir" }, { "عدنان", "Adnan" }, { "حارث", "Haris" },
  { "كنان", "Kenan" }, { "ميرزا", "Mirza" }, { "طارق", "Tarik" }, { "إيدين", "Edin" },
};
static const LajnaDemoName ba_female[] = {
  { "عمرة", "Amra" }, { "ليلى", "Lejla" }, { "أمينة", "Amina" }, { "سلمى", "Selma" },
  { "إيمينة", "Emina" }, { "عايدة", "Aida" }, { "مريمة", "Merima" }, { "عزرا", "Azra" },
};
static const LajnaDemoName ba_family[] = {
  { "هوجيتش", "Hodžić" }, { "هادجيتش", "Hadžić" }, { "كوفاتشيفيتش", "Kovačević" },
  { "بيغيتش", "Begić" }, { "ديليتش", "Delić" }, { "محمدوفيتش", "Mehmedović" },
  { "هوسيتش", "Husić" }, { "صالحوفيتش", "Salihović" }, { "عثمانوفيتش", "Osmanović" },
  { "عاليتش", "Alić" },
};

#define ARAB(code, wife, husband, passport, family) \
  { code, TRUE, wife, husband, passport, NAMES (arab_male), NAMES (arab_female), \
    NAMES (family), NO_NAMES }
#define OTHER(code, wife, husband, passport, p) \
  { code, FALSE, wife, husband, passport, NAMES (p##_male), NAMES (p##_female), \
    NAMES (p##_family), NO_NAMES }

/* Weights follow the mix a Libyan committee sees: wives mostly from the
 * Maghreb, the Levant and Egypt, husbands mostly Arab or from Muslim-majority
 * countries. */
static const LajnaDemoCountry countries[] = {
  ARAB ("LY", 0, 0, "@#######", libyan_family),
  ARAB ("EG", 8, 25, "A########", egyptian_family),
  ARAB ("TN", 12, 15, "@######", tunisian_family),
  ARAB ("DZ", 6, 6, "#########", algerian_family),
  ARAB ("MA", 14, 6, "@@#######", moroccan_family),
  ARAB ("SY", 10, 12, "N########", levantine_family),
  ARAB ("JO", 3, 6, "@#######", levantine_family),
  ARAB ("PS", 4, 8, "#######", levantine_family),
  ARAB ("SD", 3, 8, "P########", sudanese_family),
  ARAB ("IQ", 3, 5, "A########", iraqi_family),
  ARAB ("LB", 3, 3, "LR#######", levantine_family),
  OTHER ("PH", 5, 0, "P#######@", ph),
  OTHER ("TR", 3, 3, "U########", tr),
  OTHER ("UA", 6, 0, "@@######", ua),
  { "RU", FALSE, 4, 0, "#########", NAMES (ru_male), NAMES (ru_female),
    NAMES (ru_family), NAMES (ru_family_female) },
  OTHER ("DE", 1, 0, "C********", de),
  OTHER ("IT", 1, 0, "@@#######", it),
  OTHER ("GB", 1, 0, "#########", gb),
  OTHER ("US", 1, 0, "@########", us),
  OTHER ("NG", 1, 1, "A########", ng),
  OTHER ("ET", 2, 0, "EP#######", et),
  OTHER ("BD", 1, 1, "@@#######", bd),
  OTHER ("PK", 1, 1, "@@#######", pk),
  OTHER ("ID", 2, 1, "@#######", id),
  OTHER ("RS", 1, 0, "#########", rs),
  OTHER ("BA", 1, 1, "@#######", ba),
};

static const char *const west_residences[] = {
  "طرابلس", "جنزور", "تاجوراء", "الزاوية", "مصراتة", "زليتن", "الخمس", "غريان", "صبراتة",
  "ترهونة", "بني وليد", "سبها", "زوارة", "يفرن", NULL
};
static const char *const east_residences[] = {
  "بنغازي", "البيضاء", "المرج", "درنة", "طبرق", "أجدابيا", "سرت", "الكفرة", "شحات",
  "قمينس", "توكرة", NULL
};
static const char *const west_facilities[] = {
  "دار رعاية الأحداث بطرابلس", "مؤسسة إصلاح وتأهيل الأحداث - تاجوراء", NULL
};
static const char *const east_facilities[] = {
  "دار رعاية الأحداث ببنغازي", "مؤسسة إصلاح وتأهيل الأحداث - الكويفية", NULL
};
static const char *const west_courts[] = {
  "محكمة الأحداث بطرابلس", "محكمة جنوب طرابلس الابتدائية - دائرة الأحداث", NULL
};
static const char *const east_courts[] = {
  "محكمة الأحداث ببنغازي", "محكمة شمال بنغازي الابتدائية - دائرة الأحداث", NULL
};
static const char *const none[] = { NULL };

#define LETTERHEAD "دولة ليبيا\nوزارة الشؤون الاجتماعية\n"

static const LajnaDemoCommittee committees[] = {
  { "marriage-tripoli", "marriage", "لجنة الزواج من غير الليبيين - طرابلس",
    "Committee for Marriage to Non-Libyans – Tripoli", "فرع طرابلس", "طرابلس", "ز",
    LETTERHEAD "لجنة الزواج من غير الليبيين - طرابلس",
    "قاعة الاجتماعات - مقر اللجنة بطرابلس", 0.36, west_residences, none, none },
  { "marriage-benghazi", "marriage", "لجنة الزواج من غير الليبيين - بنغازي",
    "Committee for Marriage to Non-Libyans – Benghazi", "فرع بنغازي", "بنغازي", "زب",
    LETTERHEAD "لجنة الزواج من غير الليبيين - بنغازي",
    "قاعة الاجتماعات - مقر اللجنة ببنغازي", 0.24, east_residences, none, none },
  { "juvenile-tripoli", "juvenile", "لجنة رعاية الأحداث - طرابلس",
    "Juvenile Welfare Committee – Tripoli", "فرع طرابلس", "طرابلس", "ح",
    LETTERHEAD "لجنة رعاية الأحداث - طرابلس",
    "قاعة الاجتماعات - دار رعاية الأحداث بطرابلس", 0.24, west_residences, west_facilities,
    west_courts },
  { "juvenile-benghazi", "juvenile", "لجنة رعاية الأحداث - بنغازي",
    "Juvenile Welfare Committee – Benghazi", "فرع بنغازي", "بنغازي", "حب",
    LETTERHEAD "لجنة رعاية الأحداث - بنغازي",
    "قاعة الاجتماعات - دار رعاية الأحداث ببنغازي", 0.16, east_residences, east_facilities,
    east_courts },
};

static const LajnaDemoChoice marriage_outcomes[] = {
  { "approve", "استوفى الملف الشروط والمستندات المطلوبة", 74, "{}" },
  { "reject", NULL, 12, NULL },
  { "defer", "يؤجل البت في الملف لحين استكمال المستندات الناقصة", 14, "{missing_documents}" },
};

static const LajnaDemoChoice juvenile_outcomes[] = {
  { "continue", "استمرار البرنامج التأهيلي لتحسن سلوك الحدث", 40, "{progress_satisfactory}", TRUE },
  { "modify_programme", "تعديل البرنامج التأهيلي بناء على تقرير الأخصائي النفسي", 15,
    "{programme_review}", TRUE },
  { "release_to_guardian", "تسليم الحدث إلى وليه مع المتابعة الاجتماعية", 18, "{guardian_fit}" },
  { "transfer", "نقل الحدث إلى دار أقرب إلى محل إقامة أسرته", 6, "{facility_change}" },
  { "aftercare", "انتهاء البرنامج والانتقال إلى الرعاية اللاحقة", 13, "{aftercare_plan}" },
  { "refer_to_court", "إحالة الملف إلى محكمة الأحداث للنظر في التدبير", 8, "{court_review}" },
};

static const LajnaDemoChoice reject_reasons[] = {
  { "security_objection", "ورود اعتراض أمني على الطرف الأجنبي", 3 },
  { "age_difference", "الفارق الكبير في السن بين الطرفين", 2 },
  { "residence_unproven", "عدم إثبات الإقامة القانونية للطرف الأجنبي", 2 },
  { "documents_invalid", "عدم صحة بعض المستندات المقدمة", 2 },
  { "previous_marriage_undisclosed", "عدم الإفصاح عن زواج سابق", 1 },
};

/* In the order lajna_demo_guardian_name() composes their names. */
static const LajnaDemoChoice guardians[] = {
  { "father", "الأب", 62 }, { "mother", "الأم", 20 }, { "uncle", "العم", 7 },
  { "brother", "الأخ", 6 }, { "grandfather", "الجد", 5 },
};

static const LajnaDemoChoice charges[] = {
  { "theft", NULL, 35 }, { "assault", NULL, 20 }, { "drugs", NULL, 12 },
  { "vandalism", NULL, 10 }, { "fighting", NULL, 10 }, { "robbery", NULL, 8 },
  { "fraud", NULL, 5 },
};

static const LajnaDemoChoice legal_statuses[] = {
  { "sentenced", NULL, 45 }, { "pretrial", NULL, 35 }, { "protective", NULL, 20 },
};

/* Notes are typed or pasted by clerks, so they hold what pasting brings:
 * line breaks, Windows line ends, tabs and backslashes. */
static const LajnaDemoChoice notes[] = {
  { "", "", 970 },
  { "", "ملف مستعجل", 10 },
  { "", "أحيل الملف من مكتب الشؤون الاجتماعية\nمع كتاب التوصية", 6 },
  { "", "ملاحظة منقولة من جدول البيانات\r\nيرجى مراجعة رقم الجواز", 5 },
  { "", "هاتف بديل:\t0925551234", 5 },
  { "", "النسخة الممسوحة في \\\\archive\\scans\\2025", 4 },
};

static const struct
{
  const LajnaDemoChoice *choices;
  guint                  n;
} tables[LAJNA_DEMO_N_TABLES] = {
  [LAJNA_DEMO_MARRIAGE_OUTCOMES] = { marriage_outcomes, G_N_ELEMENTS (marriage_outcomes) },
  [LAJNA_DEMO_JUVENILE_OUTCOMES] = { juvenile_outcomes, G_N_ELEMENTS (juvenile_outcomes) },
  [LAJNA_DEMO_REJECT_REASONS] = { reject_reasons, G_N_ELEMENTS (reject_reasons) },
  [LAJNA_DEMO_GUARDIANS] = { guardians, G_N_ELEMENTS (guardians) },
  [LAJNA_DEMO_CHARGES] = { charges, G_N_ELEMENTS (charges) },
  [LAJNA_DEMO_LEGAL_STATUSES] = { legal_statuses, G_N_ELEMENTS (legal_statuses) },
  [LAJNA_DEMO_NOTES] = { notes, G_N_ELEMENTS (notes) },
};


/**
 * lajna_demo_countries:
 * @n_countries: (out): the number of countries
 *
 * Returns: the countries people of the demo come from; Libya is the first
 */
const LajnaDemoCountry *
lajna_demo_countries (guint *n_countries)
{
  *n_countries = G_N_ELEMENTS (countries);
  return countries;
}

/**
 * lajna_demo_committees:
 * @n_committees: (out): the number of committees
 *
 * Returns: the committees of the demo with the share of files each gets
 */
const LajnaDemoCommittee *
lajna_demo_committees (guint *n_committees)
{
  *n_committees = G_N_ELEMENTS (committees);
  return committees;
}

/**
 * lajna_demo_choice:
 * @table: which table
 * @index: an index from lajna_demo_choose()
 *
 * Returns: the choice
 */
const LajnaDemoChoice *
lajna_demo_choice (LajnaDemoTable table,
                   guint          index)
{
  g_return_val_if_fail (table < LAJNA_DEMO_N_TABLES && index < tables[table].n, NULL);

  return &tables[table].choices[index];
}

/* The choices of @table, which lajna_demo_choose() picks among by weight. */
const LajnaDemoChoice *
lajna_demo_choices (LajnaDemoTable  table,
                    guint          *n_choices)
{
  g_return_val_if_fail (table < LAJNA_DEMO_N_TABLES, NULL);

  *n_choices = tables[table].n;
  return tables[table].choices;
}

/**
 * lajna_demo_dissent:
 *
 * Returns: the reasons a member gives for voting against the majority
 */
const char *
lajna_demo_dissent (void)
{
  return "يرى العضو استكمال التحريات والمستندات قبل البت في الملف";
}

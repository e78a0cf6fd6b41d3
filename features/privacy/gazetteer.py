"""Word lists of person names, for finding people in error telemetry.

Services all over the world write people's names into their logs ("payment
declined for Jürgen Müller", "session of siobhan.o'sullivan expired"). The
anonymizer uses three lists to recognise them:

``GIVEN_NAMES``
    Common given (first) names from about forty cultures: English, Irish,
    Scottish and Welsh; German, Austrian, Swiss, French, Belgian and Dutch;
    Nordic; Polish, Czech, Slovak, Hungarian, Romanian, Bulgarian, the
    former Yugoslavia, Greek, Russian, Ukrainian and Baltic; Italian,
    Spanish, Portuguese, Brazilian and Latin American; Turkish, Arabic,
    Persian and Hebrew; Indian, Pakistani and Bangladeshi; Indonesian,
    Malay, Filipino, Vietnamese, Thai, Chinese, Japanese and Korean; and
    Nigerian, Ghanaian, West, East and Southern African. Romanised names use
    the usual transliteration (Russian ``dmitry``, Arabic ``mohammed``,
    Japanese ``haruto``). Chinese given names appear only as two-syllable
    pinyin written as one word (``xiaoming``), since single syllables such
    as "wei" collide with words and surnames; Korean ones both joined and
    hyphenated (``minjun``, ``min-jun``).
``SURNAMES``
    Common family names from the same cultures. A name with a particle is
    stored by its main part: "van der Berg" gives ``berg``, "de Vries" gives
    ``vries``. Arabic names keep the prefixed and the bare form
    (``al-rashidi``, ``rashidi``), Irish ones the apostrophe and the joined
    form (``o'connor``, ``oconnor``).
``NAME_PARTICLES``
    The small words found inside family names (``van der``, ``de la``,
    ``von``, ``bin``, ``ibn``, ``mac``...), so a detector can bridge them.
    Multi-word particles are single entries.

How the names were chosen
-------------------------
The lists were compiled by hand, culture by culture and most frequent first,
then each culture was cut to a fixed share so that no tradition crowds out
the others. Two blocks take no cut: common compound given names
(``jean-pierre``, ``hans-peter``, ``ana-maria``) and short forms
(``alex``, ``katie``, ``sasha``). There are about 3,300 given names and
3,100 family names.
``MORE_GIVEN_NAMES``, ``MORE_SURNAMES``
    About 4,000 more of each, from the person lists of Faker's locales,
    screened by the same rule with more dictionaries (24 languages) and word
    frequencies. `is_given_name` and `is_surname` know them, so a name is
    confirmed where a cue or a key says one stands; a name with nothing
    around it is taken from the hand-compiled lists alone.

Precision matters more than recall: a false hit rewrites diagnostic text,
while a miss leaves one name in place. An entry is therefore left out when,
in lower case, it is also a common word or a technical term in English,
German, French, Spanish, Portuguese, Italian or Dutch; the name of a
programming language, framework, product, project or company; a month or a
weekday; a colour; a place, state or country; or a word common in logs. This
drops many frequent names on purpose: will, mark, grace, jordan, jan (a month
abbreviation), marco (Spanish "frame"), manuel (French "manual"), sara
(Italian "sarà"), travis (the CI service); page, king, young, klein, braun,
park, allen (German "allen"), markov, safari. Entries of one or two letters
are never included, and three-letter ones only where they are plainly names.
The lists were screened against the word lists of those seven languages,
against city, state and country names, and against the names of popular
software packages. When in doubt a name was left out: add one only after
checking it against the same rule.

Spelling
--------
Every entry is lower case. A name with diacritics is stored in its native
spelling and, as separate entries, in ASCII-folded forms: ``łukasz`` and
``lukasz``; ``søren``, ``soren`` and ``soeren``; ``jürgen``, ``jurgen`` and
``juergen``; ``o'connor`` and ``oconnor``. Where only the folded form is a
word or a term, only the native spelling is kept (``josé`` but not
``jose``, ``peña`` but not ``pena``). `is_given_name` and `is_surname`
lower-case their argument and also try its folded form, so "JÜRGEN" and
"Lukasz" match as well.

Examples
--------
>>> is_given_name("Jürgen"), is_given_name("Will")
(True, False)
>>> is_surname("Wiśniewski"), is_surname("wisniewski"), is_surname("King")
(True, True, False)
>>> "van der" in NAME_PARTICLES
True
"""

from __future__ import annotations

import unicodedata

__all__ = [
    "GIVEN_NAMES",
    "MORE_GIVEN_NAMES",
    "MORE_SURNAMES",
    "NAME_PARTICLES",
    "SURNAMES",
    "is_given_name",
    "is_surname",
    "word_pattern",
    "written_forms",
]

# --- Given names ------------------------------------------------------------------------------

# English (United States, United Kingdom, Canada, Australia)
_GIVEN_EN = """
james john robert michael william david richard joseph thomas charles christopher daniel matthew
anthony donald steven stephen paul andrew joshua kenneth kevin brian george timothy ronald
edward jason jeffrey ryan jacob gary nicholas eric jonathan larry justin scott brandon benjamin
samuel gregory alexander patrick raymond dennis jerry tyler aaron adam nathan henry zachary
douglas peter kyle noah ethan jeremy walter christian keith roger terry sean gerald carl harold
dylan arthur lawrence bryan billy bruce gabriel joe logan alan albert willie elijah wayne randy
vincent mason roy ralph bobby russell louis philip phillip johnny howard eugene nathaniel jared
cody tristan evan luke liam oliver harry charlie oscar alfie archie theo freddie reggie reginald
rupert toby louie ollie stanley leonard norman herbert bernard clifford clarence clayton curtis
dwayne darren darryl derek desmond dominic duncan elliot elliott floyd francis frederick gavin
gordon graham harvey herman jake jamie jeremiah jerome jimmy jon kurt lloyd luther malcolm
marcus marvin maurice melvin mitchell morris neil nigel owen perry quentin randall ricky rodney
roland ross rudy sidney simon spencer mary patricia jennifer linda elizabeth barbara susan
jessica sarah karen lisa nancy betty margaret sandra ashley kimberly emily michelle amanda
dorothy melissa deborah stephanie rebecca sharon laura cynthia kathleen amy shirley angela helen
anna brenda pamela nicole emma samantha katherine christine debra rachel carolyn janet catherine
maria diane julie joyce evelyn joan kelly christina lauren judith megan cheryl andrea hannah
martha jacqueline frances teresa kathryn janice alice abigail judy sophia marilyn beverly
danielle theresa diana brittany natalie marie kayla alexis lori olivia isabella chloe harper
scarlett layla nora zoe riley ellie audrey skylar lucy emilia naomi elena sadie madeline allison
gabriella caroline eleanor valentina cora lydia vivian eliza josephine delilah adeline arianna
natalia lucia emery everly eloise abby addison alyssa amelia angelina annabelle annie arabella
ariana ashlyn aubrey audra avery bailey beatrice becky bernadette beth bethany brianna bridget
brooke caitlin callie camila camille candice carla carmen cecilia charlene christie cindy
claudia colleen connie constance courtney dana darlene deanna debbie
"""

# Irish, Scottish and Welsh
_GIVEN_GA_GD_CY = """
aoife siobhán siobhan niamh saoirse ciara caoimhe róisín roisin orla sinéad sinead máire eimear
clodagh gráinne grainne aisling cian oisín oisin seán pádraig padraig ciarán ciaran cillian eoin
darragh conor connor cathal colm dónal donal diarmuid fionn lorcan ruairí ruairi tadhg eamon
éamonn eamonn fergal fintan niall ronan rónán senan odhrán odhran páidí paidi declan brendan
hamish angus alasdair alistair alastair ailsa catriona eilidh iain lachlan morag mhairi kirsteen
rhys dafydd gethin ieuan iwan llewelyn llywelyn rhiannon seren carys cerys angharad bethan ffion
gwen sian siân eluned
"""

# German, Austrian and Swiss; umlauts also as ae, oe, ue and plain a, o, u
_GIVEN_DE = """
lukas jonas elias felix maximilian emil anton jakob moritz niklas niclas nico julian tobias
florian sebastian fabian philipp johannes dominik marcel sven jens jörg jorg joerg jürgen jurgen
juergen uwe klaus dieter horst helmut günter gunter guenter günther gunther guenther gerhard
wolfgang manfred werner hans heinz rolf karl ralf rainer reinhard bernd stefan stephan andreas
markus matthias thorsten torsten holger volker ulrich detlef dietmar dirk friedrich georg gustav
heinrich hermann hubert ingo joachim lothar ludwig norbert siegfried ulf wilhelm willi winfried
bastian benedikt björn bjorn bjoern carsten christoph eckhard egon erich erwin ewald ferdinand
franz frieder gottfried gunnar hartmut heiko helge hendrik urs ueli ruedi hanspeter hansruedi
jürg jurg juerg sophie lina leonie lena lara johanna luisa amelie paula greta frieda mila nele
merle jana katharina katrin kathrin sabine petra susanne stefanie birgit monika ursula renate
helga gisela ingrid christa brigitte karin gabriele heike anja silke kerstin tanja nadine anke
antje dagmar elke gudrun hannelore hildegard irmgard jutta martina marion michaela rosemarie
sigrid ulrike ute waltraud wiebke yvonne vreni käthi kathi kaethi nadja corinne regula
"""

# French and Belgian
_GIVEN_FR = """
jacques michel andré andre philippe alain françois francois nicolas christophe laurent frédéric
frederic stéphane stephane éric sébastien sebastien julien thierry olivier didier dominique
guillaume jérôme maxime romain antoine alexandre mathieu matthieu cédric cedric fabrice franck
gilles gérard gerard hervé herve hugues jean-claude jean-marc jean-luc jean-paul jean-françois
jean-francois jean-louis jean-michel jean-jacques jean-yves jean-baptiste jean-pierre
jean-philippe jean-charles jean-christophe jean-noël jean-noel jean-marie jean-guy
jean-sébastien jean-sebastien jean-daniel jean-bernard jean-robert joël joel lionel loïc loic
lucien patrice régis regis nathalie isabelle sylvie françoise francoise martine monique valérie
valerie sandrine véronique veronique stéphanie céline celine chantal sylviane aurélie aurelie
émilie emilie léa manon chloé inès ines louise lucie zoé lola mathilde margaux pauline laure
laurence agnès agnes annick béatrice élodie elodie élise elise estelle évelyne evelyne geneviève
genevieve ghislaine hélène helene jeanne josiane joséphine juliette justine lætitia laetitia jef
koen kris pieter geert stijn jelle lieven filip joris ruben gert hilde griet ilse katrien
"""

# Dutch
_GIVEN_NL = """
cornelis willem gerrit jacobus maarten sander daan levi thijs bram jesse lars niels jeroen joost
arjen erik martijn anne anneke annemieke bregje marieke femke fenna jantine janneke lieke lotte
maaike marloes mirjam sanne saskia sietske tessa wilma ymke esmee ingeborg jolanda karlijn loes
nienke renske rianne sofie suus tamara hennie jaap joep joop koos luuk maurits mees niek reinier
"""

# Nordic (Swedish, Norwegian, Danish, Finnish, Icelandic); ø, å, æ, ä, ö also as oe, aa, ae, ae, oe and plain letters
_GIVEN_NORDIC = """
johan nils olof gustaf magnus mikael fredrik henrik mattias håkan hakan haakan bengt göran goran
goeran leif lennart kjell elsa astrid birgitta eva margareta elisabeth kristina ulla britt
linnéa linnea ebba alva maja stina agneta annika camilla charlotta gunilla ingela jenny knut
harald olav ivar trond terje geir kjetil morten øyvind oyvind oeyvind ørjan orjan oerjan arne
asbjørn asbjorn asbjoern audun bjørn bård baard eirik einar eivind ingebjørg ingebjorg
ingebjoerg kari randi marit kirsten berit bente hege ragnhild sigrun åse aase turid grete
gunhild søren soren soeren poul henning mogens preben flemming kasper rasmus mads hanne lene
tine bodil birthe dorte gitte inger juha jukka matti mikko pekka jari antti jussi markku heikki
janne pentti hannu seppo petri tuomas teemu tommi harri lauri olli risto veikko aino helena
anneli kaarina marjatta liisa elina tuula päivi paivi paeivi riitta pirjo minna tiina leena
tarja satu marja outi katja kirsi jón sigurður sigurdur guðmundur gudmundur ólafur olafur
kristján kristjan magnús stefán guðrún kristín kristin sigríður sigridur margrét margret
ingibjörg ingibjorg ingibjoerg jóhanna
"""

# Polish
_GIVEN_PL = """
piotr krzysztof andrzej tomasz paweł pawel michał michal marcin grzegorz józef jozef marek
łukasz lukasz zbigniew jerzy tadeusz mateusz dariusz mariusz wojciech ryszard kazimierz henryk
rafał rafal jacek janusz maciej kamil stanisław stanislaw sławomir slawomir mirosław miroslaw
zdzisław zdzislaw władysław wladyslaw bogdan przemysław przemyslaw krystian szymon kacper jakub
wiktor bartosz bartłomiej bartlomiej katarzyna małgorzata malgorzata agnieszka krystyna ewa
elżbieta elzbieta zofia joanna magdalena danuta jadwiga aleksandra beata karolina dorota halina
irena marta alicja izabela iwona grażyna grazyna jolanta bożena bozena marianna urszula renata
justyna paulina sylwia agata weronika wiktoria oliwia
"""

# Czech and Slovak
_GIVEN_CS_SK = """
jiří jiri petr josef pavel tomáš tomas jaroslav miroslav zdeněk zdenek václav vaclav františek
frantisek karel lukáš vladimír vladimir ladislav stanislav ondřej ondrej radek vojtěch vojtech
antonín antonin hana lenka kateřina katerina alena jaroslava veronika ludmila jitka zdeňka
zdenka ivana markéta marketa zuzana barbora kristýna kristyna eliška eliska adéla adela natálie
klára klara
"""

# Hungarian
_GIVEN_HU = """
lászló laszlo istván istvan józsef jozsef jános janos zoltán zoltan sándor sandor gábor gabor
ferenc attila péter tamás tamas zsolt tibor andrás andras csaba imre lajos györgy gyorgy balázs
balazs gyula mihály mihaly károly karoly béla erzsébet erzsebet katalin zsuzsanna margit judit
ágnes krisztina irén iren eszter tímea timea anita mónika szilvia beáta piroska
"""

# Romanian and Moldovan
_GIVEN_RO = """
ioan gheorghe vasile constantin nicolae dumitru mihai alexandru andrei florin marian ștefan
adrian cristian mircea petru ionuț ionut cătălin catalin sorin lucian costel viorel doru dorin
dragoș dragos eugen horia ioana mihaela andreea georgiana ionela larisa loredana luminița
luminita mădălina madalina nicoleta oana raluca roxana ștefania stefania adina alina anca corina
doina irina iuliana lavinia
"""

# Bulgarian
_GIVEN_BG = """
georgi dimitar nikolay petar hristo todor stoyan yordan vasil krasimir plamen atanas aleksandar
borislav boyan kaloyan lyubomir mihail nikola ognyan ivanka yordanka penka snezhana svetla
stefka rositsa desislava galina gergana mariya nadezhda petya silviya tsvetana vesela
"""

# Croatian, Serbian, Slovenian and Bosnian
_GIVEN_HR_SR_SL_BS = """
marko luka josip stjepan tomislav dragan zoran nenad miloš milos dejan dušan dusan predrag
slobodan srđan srdan bojan branko darko davor dražen drazen hrvoje krešimir kresimir mladen
nebojša nebojsa siniša sinisa marija mirjana jelena dragana snežana snezana milica vesna sanja
gordana svetlana jovana katarina danijela biljana nevena nataša natasa ljiljana slavica zorica
branka dubravka jasna ljubica mateja nives zrinka željka zeljka arben besnik blerim dritan
fatmir
"""

# Greek
_GIVEN_EL = """
giorgos georgios dimitris dimitrios konstantinos kostas ioannis giannis nikolaos nikos
panagiotis christos vasilis vasileios athanasios thanasis michalis evangelos vangelis spyros
spyridon stavros stelios stylianos apostolos antonis alexandros charalampos babis emmanouil
manolis ilias panos petros sotiris theodoros eleni aikaterini vasiliki angeliki dimitra
konstantina paraskevi evangelia ioanna anastasia despina eirini irini panagiota chrysa stavroula
niki foteini fotini
"""

# Russian, Ukrainian and Belarusian (transliterated)
_GIVEN_RU_UK_BE = """
aleksandr sergey sergei dmitry dmitri andrey alexey aleksei alexei mikhail nikolai yevgeny
evgeny evgeniy oleg igor yuri yury yuriy viktor anatoly anatoliy vasily vasiliy konstantin denis
artem artyom kirill ilya egor yegor vyacheslav vitaly vitaliy valery valeriy gennady gennadiy
grigory boris leonid fyodor fedor timur ruslan arseny arseniy tetiana olena oksana nataliya
natalya tatiana tatyana iryna olga yelena ekaterina yekaterina kateryna lyudmila liudmyla halyna
larysa nadiya lyubov raisa zoya yulia yuliya daria darya polina sofiya kseniya ksenia xenia
viktoriya valeria alyona yana inna zhanna lilia liliya milana ulyana vasilisa varvara yaroslava
svitlana khrystyna solomiya
"""

# Baltic (Lithuanian, Latvian, Estonian)
_GIVEN_BALTIC = """
mantas andrius mindaugas gintaras vytautas aurimas giedrius rimantas algirdas rūta jurgita vilma
daiva eglė egle ieva gintarė gintare aistė aiste austėja austeja jānis janis andris māris maris
juris pēteris peteris aivars edgars kaspars mārtiņš martins artūrs arturs ilze inese kristīne
kristine līga dace baiba elīna jaan jüri juri andres peeter toomas tiit kadri liis kersti piret
triin merike
"""

# Italian
_GIVEN_IT = """
giuseppe giovanni antonio mario francesco angelo vincenzo pietro salvatore carlo domenico bruno
paolo michele giorgio aldo sergio luciano giancarlo roberto alessandro matteo lorenzo leonardo
davide riccardo federico simone luca stefano fabio maurizio claudio daniele emanuele enrico
filippo giacomo gianluca gianni giulio guido nicola nicolò nicolo niccolò niccolo pasquale
raffaele renato rocco sandro silvio tommaso umberto valerio vittorio alberto alfredo arturo
dario diego edoardo elia giuseppina giovanna carmela caterina francesca antonietta concetta rita
paola giulia giorgia elisa federica alessandra silvia roberta simona monica cristina daniela
patrizia sabrina raffaella manuela ilaria elisabetta eleonora noemi ludovica benedetta nicoletta
ornella
"""

# Spanish (Spain, including Catalan, Basque and Galician)
_GIVEN_ES = """
josé francisco juan javier carlos jesús jesus alejandro miguel rafael pedro pablo fernando luis
jorge álvaro alvaro adrián raúl raul enrique ramón ramon vicente ignacio andrés rubén óscar
joaquín joaquin eduardo víctor victor jaime alfonso ricardo emilio guillermo gonzalo iván ivan
julián martín martin mateo nicolás jordi josep xavier marc oriol arnau sergi aitor iker unai
asier gorka mikel iñaki inaki eneko xabier xosé xose maría josefa isabel lucía francisca antonia
raquel beatriz nuria irene juana mónica alicia sonia noelia susana esther yolanda ángela inés
alejandra adriana ainhoa aitana amaia anabel araceli begoña begona celia
"""

# Portuguese and Brazilian
_GIVEN_PT = """
joão joao antónio antônio paulo luís luiz rui nuno tiago thiago diogo gonçalo goncalo duarte
vasco henrique sérgio vítor vitor marcelo rodrigo gustavo lucas matheus mateus guilherme ana
antónia juliana márcia marcia fernanda patrícia aline bruna jéssica letícia leticia luciana
vanessa mariana gabriela débora debora larissa cristiane priscila andreia andréa cláudia elaine
eliane fabiana
"""

# Latin American
_GIVEN_LATAM = """
brayan jhon jhonatan yesica yuliana marleny nohemí nohemi leidy deisy yurani wilmer edwin elkin
fredy jairo yeferson alirio anyelo dairo duván duvan arley xochitl itzel
"""

# Turkish and Azerbaijani
_GIVEN_TR_AZ = """
mehmet mustafa ahmet ali hüseyin huseyin hasan ibrahim ismail osman yusuf murat ömer omer
ramazan halil süleyman suleyman abdullah mahmut recep salih fatih kadir emre burak serkan cem
kemal orhan erkan volkan tolga oğuz oguz onur ozan selim sinan tarık tarik uğur ugur umut yasin
yiğit yigit berk arda emir eren ayşe ayse fatma emine hatice zeynep elif meryem şerife serife
zehra hanife merve özlem ozlem esra yasemin hülya hulya büşra busra derya ebru gül gul gülsüm
gulsum leyla melek selin sevgi songül songul tuğba tugba yeşim yesim zerrin ayla aylin beyza
buse aysel elvin elnur farid ilham rashad tural
"""

# Arabic (transliterated)
_GIVEN_AR = """
muhammad mohammed mohammad mohamed mohamad muhammed ahmad ahmed omar umar hassan hussein husain
khalid khaled abdallah abdulrahman abdelrahman abdul abdel youssef yousef mahmoud mahmud mostafa
tariq tarek karim kareem walid waleed sami samir saeed saad salah faisal fahad fahd nasser naser
rashid hamza hamid hamad hamdan majid majed bilal jamal kamal adel adil nabil nader osama usama
ayman anas ammar bassam fadi firas ghassan haitham hisham imad issa jaber khalil louay mahdi
fatima fatimah aisha ayesha aicha khadija maryam mariam zainab zaynab amina aminah leila nour
huda hoda hanan iman imane jamila karima lubna maha mona nadia najwa nawal noura nura rana rania
randa rasha reem rima ruqayya salma samira sana sawsan shaima suha sumaya wafa yasmin yasmine
yasmina zahra zeinab dina ghada hala heba inas lamia
"""

# Persian (Iran, Afghanistan, Tajikistan)
_GIVEN_FA = """
reza hossein mehdi amir javad masoud morteza davood dariush darius kourosh babak bahram behnam
behrouz farhad farshid faramarz hamed hooman iraj kamran kaveh keyvan mahyar mani mehran mohsen
navid nima omid parviz payam pedram pouya ramin rostam saman sasan shahin fatemeh masoumeh
zeynab narges roya mahsa nazanin neda niloufar parisa parvin shirin sima soheila somayeh tahereh
yasaman azadeh bahar elham farnaz fariba fereshteh golnaz haleh homa laleh mahnaz marjan mehrnaz
"""

# Hebrew (Israel)
_GIVEN_HE = """
moshe yosef avraham yitzhak itzhak yaakov yaacov shlomo yehuda yonatan noam itai itay ariel
eitan oren yair asaf assaf nadav shai ofer oded yoav tomer lior eyal erez ehud boaz gideon
reuven rivka miriam tamar noa shira yael hila inbar keren liat limor merav neta noga ortal osnat
ronit shani shiri sigal talia tehila yaara yafa efrat ayelet dafna
"""

# Indian: Hindi and North India
_GIVEN_IN_NORTH = """
rahul amit rajesh suresh ramesh mahesh dinesh ganesh mukesh rakesh sanjay vijay ajay anil sunil
manoj deepak ashok vinod pradeep sandeep prakash arun anand ravi rohit rohan vikram vikas vivek
vishal nitin sachin saurabh gaurav abhishek aditya akash aman ankit ankur anurag arjun arvind
ashish chetan dhruv gopal harish hemant jagdish kapil karan kartik kishore krishna kunal lalit
manish priyanka priya pooja puja neha anjali sunita kavita sneha divya deepika swati shweta
nisha ritu rekha meena geeta gita sita seema poonam preeti preethi asha usha lata radha savita
shalini shilpa shreya smita sonali sonam suman sushma tanvi vandana vidya aarti aditi aishwarya
akanksha ananya ankita anushka aparna archana bhavna diya
"""

# Indian: Tamil, Telugu, Kannada and Malayalam
_GIVEN_IN_SOUTH = """
murugan senthil karthik karthikeyan kumar arumugam selvam saravanan subramanian balaji venkatesh
srinivasan sundar ramasamy rajendran ganesan manikandan prabhu vignesh gokul hari harini
jeyakumar kavitha meenakshi revathi saranya sowmya deepa gayathri janani kalaivani kamala
malathi nandhini nithya venkata srinivas ramakrishna satyanarayana naresh nagaraju chandrasekhar
raghavendra ravindra sreenivas srikanth prasad raju pavan anusha bhavani durga haritha kalyani
lavanya madhavi mounika padmaja manjunath nagaraj basavaraj shivakumar raghu girish prashanth
santhosh sreejith aswathy anjana athira lekshmi reshma
"""

# Indian: Bengali, Punjabi, Gujarati and Marathi
_GIVEN_IN_EAST_WEST = """
sourav souvik arnab abhijit anirban arindam debashis debasish indranil joydeep partha prasenjit
rajib sandip rupa mousumi moumita tanushree sreya paromita piyali sharmila sumana susmita
gurpreet harpreet jaspreet manpreet simranjeet navjot amrit amritpal baljit balwinder charanjit
daljit gurdeep gurmeet harjit jasleen harleen gurleen navneet jignesh kalpesh nilesh paresh
bhavesh rupesh mitesh chirag hardik parth dhaval jayesh ketan mehul nirav pratik tejas umang
vipul
"""

# Pakistani and Bangladeshi
_GIVEN_PK_BD = """
imran asif adnan kashif usman zeeshan waqas junaid naveed shahid zubair arshad asad aamir atif
ehsan farhan faraz haris irfan jawad khurram mubashir nadeem nasir nauman qaiser rizwan sajid
salman shahzad saima sadia hina nida mehwish sidra amna anum farah hira iqra javeria madiha
mahnoor maham rida saba samina rahim abdur mizanur habibur mahbub mahbubur rafiqul shafiqul
aminul ashraful mominul nazrul shahidul saiful kamrul taslima rokeya shahana sharmin nasima
jannatul sumaiya
"""

# Indonesian and Malay
_GIVEN_ID_MS = """
agus budi bambang dedi eko hendra andi wahyu rudi joko slamet yanto arif bayu dian fajar fitri
heri indra rizky rizki rahmat ridwan setiawan sugeng supriyadi teguh dewi siti putri ratna wati
yuni fitria indah intan kartika lestari nurul puspita rini rina susanti utami wulan yanti endang
ningsih rahayu mohd azman faizal hafiz hakim hamzah haziq ikmal azlina hafizah haslinda
norazlina noraini rozita salmah suriani
"""

# Filipino
_GIVEN_FIL = """
jomar rodel ronel ronaldo reynaldo rogelio rolando arnel danilo edgardo jomari marivic maricel
mylene rowena lorna marilou maricris jonalyn analyn marites angelica charmaine erlinda
evangeline
"""

# Vietnamese
_GIVEN_VI = """
minh thanh thành anh tuan tuấn linh trang hương huong hạnh hanh phương phuong quang hiếu hieu
bình binh cường cuong hoàng hoang huy khánh khanh kiên kien luân luan mạnh manh nghĩa nghia ngọc
ngoc nhân nhan phong phúc phuc quốc quoc thắng thang thịnh thinh tiến toàn toan trung việt viet
châu chau diệp giang hiền hien huyền huyen liên nhung oanh quyên quyen thảo thao thủy thuy trinh
uyên uyen xuân xuan dương duong hoài hoai khang ngân ngan nguyệt nguyet quỳnh quynh thương
thuong tuyết tuyet
"""

# Thai
_GIVEN_TH = """
somchai somsak somporn sompong surachai suchart prasert prayut thaksin chatchai anan anong
apinya arthit boonmee chaiyaporn kanya malee nittaya pranee ratana siriporn somjai sukanya
supaporn wanida pornthip kanokwan kulap lamai nattaya orathai pimchanok rattana saowaluk sirikit
srisuda sumalee tassanee waraporn yupin
"""

# Chinese (pinyin, two syllables written as one word)
_GIVEN_ZH = """
xiaoming jiahui weiming zhiwei junjie haoran yuxuan zihan yichen xinyi yutong zhihao jianguo
guoqiang jianhua xiaohong xiaoling meiling lihua haiyan hongmei xiuying guiying yufeng zhiqiang
wenjie jiaming jiaqi yiming zhiyuan haoyu yuhang zixuan ruoxi yuxin xiaoyu xiaowei xiaojun
chunhua lijun lihong liping xiaoli yanping yanling junhao jiahao hongwei jianjun jianping
weidong dongmei xiaodong jianming zhiming mingyu chenxi yifan yuchen ziyi xiuzhen xiulan guilan
yulan fengying shuzhen guizhi yuying xiumei jianxin jianwei jianfeng jianhong jianmin guohua
guoliang guoping haitao haibo haifeng
"""

# Japanese (romaji)
_GIVEN_JA = """
hiroshi takashi kenji satoshi makoto takeshi kazuo yuki haruto yuto sota riku kaito hinata daiki
yamato minato koki kenta shota ryota yuta takumi naoki kazuki tsubasa daisuke yusuke kosuke
keisuke shinji shinichi kenichi koichi yoichi junichi akira akihiro atsushi hideo hideki hiroki
hiroyuki isamu katsuhiro kazuhiro kazuya kiyoshi kunio masahiro akiko ayumi chiyo haruka hiromi
hitomi kaori kazuko keiko kumiko mami mariko masako mayumi megumi michiko miho miki minako
misaki miyuki momoko naoko natsuki noriko reiko rika sachiko sakura sayaka setsuko shizuka
sumiko tomoko tomomi yoko yoshiko yuka yukiko yumi yumiko
"""

# Korean (romanized, joined and hyphenated)
_GIVEN_KO = """
min-jun minjun seo-jun seojun do-yun doyun ye-jun yejun si-woo siwoo ha-jun hajun ji-ho jiho
ji-hoon jihoon jun-seo junseo ji-woo jiwoo seo-yeon seoyeon seo-yun seoyun seo-ah seoah ha-eun
haeun ha-yun hayun ji-yu jiyu min-seo minseo ji-min jimin su-min sumin min-ji minji ji-young
jiyoung ji-yeon jiyeon eun-ji eunji hyun-woo hyunwoo ji-hun jihun jun-ho min-ho minho seung-ho
seungho seung-hyun seunghyun sung-min sungmin young-ho youngho young-hee younghee young-soo
youngsoo yeong-hui yeonghui min-su minsu min-soo minsoo jae-hyun jaehyun jae-won jaewon jae-ho
jaeho jin-woo jinwoo dong-ho dongho dong-hyun donghyun hyun-jin hyunjin hyun-soo hyunsoo
kyung-soo kyungsoo sang-woo sangwoo sang-hoon sanghoon sung-ho sungho tae-yang taeyang tae-hyun
taehyun woo-jin woojin yoon-ho yoonho eun-woo eunwoo jong-ho jongho joon-ho joonho jung-ho
jungho
"""

# African: Nigerian (Yoruba, Igbo, Hausa)
_GIVEN_NG = """
oluwaseun olumide adebayo adewale ayodele babatunde oluwatobi temitope folasade funmilayo
olufemi oluwafemi adeola abiodun adekunle bolaji damilola kehinde taiwo tunde yetunde seun
kayode bukola titilayo omolara olamide ayomide opeyemi tolulope toluwani mojisola modupe
chukwuemeka emeka chinedu chidi chiamaka chidinma chioma ngozi nnamdi obinna uchenna ikenna
ifeanyi kelechi nkechi amaka adaeze adaora chibuzo chibuike chigozie chika chimamanda chinonso
chinwe abubakar aminu garba kabiru lawal musa sani shehu umaru yakubu haruna aliyu auwal
"""

# African: Ghanaian, West African and Francophone
_GIVEN_WEST_AFRICA = """
kwame kofi kwaku kwabena kwadwo kojo kwasi kwesi akua abena adwoa afia afua akosua efua akwasi
ekow kwamena kobina kwamina fiifi mamadou moussa ousmane abdoulaye ibrahima cheikh aliou modou
souleymane boubacar amadou seydou lamine fatou aminata mariama aissatou khady ndeye coumba
"""

# African: East African (Kenya, Tanzania, Uganda, Ethiopia)
_GIVEN_EAST_AFRICA = """
wanjiru wambui njeri wanjiku nyambura wairimu muthoni wangari kamau kariuki mwangi otieno
ochieng odhiambo omondi onyango wafula wekesa kiprono kipchoge kiptoo kibet cherono chebet
jepkosgei jeptoo akinyi atieno achieng adhiambo abebe alemayehu tesfaye getachew girma haile
kebede mulugeta tadesse yohannes dawit biruk bereket ephrem henok kidus mekonnen negash tekle
tewodros yared
"""

# African: Southern African
_GIVEN_SOUTHERN_AFRICA = """
thabo sipho themba bongani mandla sibusiso lwazi lungile mpho kagiso tumelo tshepo lerato palesa
nomvula nomsa thandiwe thandeka zanele zodwa nokuthula ntombi busisiwe andile ayanda lindiwe
nandi naledi refilwe jaco riaan annelie carien elmarie liezl
"""

# Caucasus and Central Asia
_GIVEN_CAUCASUS_CENTRAL_ASIA = """
giorgi levan davit tamari aram hayk vardan anahit lusine gayane tigran nursultan aigerim aizhan
yerlan dauren bakhyt dilnoza dilshod farrukh
"""

# Compound given names (French, German, Dutch, Nordic, Romanian)
_GIVEN_COMPOUND = """
marie-claire marie-christine marie-france marie-hélène marie-helene marie-pierre marie-laure
marie-thérèse marie-therese marie-josé marie-jose marie-anne anne-marie anne-sophie anne-laure
hans-peter hans-jürgen hans-jurgen hans-joachim hans-dieter hans-georg karl-heinz klaus-dieter
kai-uwe anna-lena lisa-marie ann-kathrin marie-luise anna-maria ana-maria maria-magdalena
ioana-maria jan-erik jan-willem gert-jan jan-hendrik dirk-jan per-olof lars-erik ann-christin
ann-marie ann-sofie
"""

# Common short forms and nicknames
_GIVEN_SHORT_FORMS = """
alex chris mike matt dave steve andy danny tom tim jim liz tony tommy greg jeff josh nate zach
zack pete benny kenny micky mikey nicky robbie joey phil vince kate katie kathy cathy lizzie
betsy jess jessie maggie peggy tricia trish vicky vicki nikki mandy millie lottie allie lexi
izzy maddie sasha misha masha dasha katya sveta dima kostya vova zhenya tanya natasha olya
seryozha lyosha steffi susi gabi manu pepe paco maite beppe gigi peppe
"""

# --- Family names -----------------------------------------------------------------------------

# English (United States, United Kingdom, Canada, Australia)
_SURNAME_EN = """
smith johnson williams jones davis miller wilson moore taylor anderson thomas harris martin
thompson robinson clark lewis lee walker wright adams nelson carter mitchell roberts turner
phillips campbell parker evans edwards collins stewart morris rogers morgan murphy bailey cooper
richardson howard ward peterson james bennett barnes ross henderson coleman perry powell
patterson hughes simmons gonzales bryant alexander russell hayes myers graham sullivan wallace
owens reynolds fisher ellis harrison gibson mcdonald murray freeman simpson stevens crawford
henry boyd kennedy dixon gordon shaw holmes robertson daniels palmer nichols ferguson hawkins
dunn perkins spencer gardner stephens payne matthews arnold wagner willis watkins olson carroll
duncan snyder cunningham bradley andrews harper riley armstrong greene lawrence elliott lawson
franklin ryan carr chapman oliver richards williamson johnston meyer mccoy howell morrison
hansen harvey burton stanley george jacobs reid gilbert garrett welch larson frazier burke
hanson bowman fowler hoffman carlson fleming jensen byrd davidson hopkins terry walters curtis
neal caldwell lowe jennings barnett horton shelton barrett obrien o'brien sutton gregory
mckinney lucas craig fletcher bates newman haynes mcdaniel dawson norris steele schultz leonard
walsh ramsey wolfe sanders douglas wheeler webb thornton atkinson bolton buckley cartwright
cavanagh chadwick clarke clements clifford coates cole collier connolly cullen dalton davies
dobson donnelly dougherty doyle driscoll dudley eaton emerson farrell farrow fitzgerald
fitzpatrick flanagan flynn foley gallagher garner gibbs gilmore goodwin gough griffiths hadley
haines hammond hancock hardwick hargreaves hartley hastings hawthorne haywood healy hendrix
higgins hobbs hodges hodgson hogan holden holloway hooper horne houghton hubbard humphreys
hutchinson ingram jarvis jefferson jeffries kavanagh keane keating kelley kemp kendrick kerr
kirby kirkland knowles langley latham leach leigh lindsay lockwood lowry lynn macdonald
mackenzie mackay maddox mahoney maloney manning marsden mather mcbride mccarthy mccormick
mcgrath mcintyre mckenzie mclaughlin mclean mcmahon mcneil mercer metcalfe middleton milner
molloy monroe mooney moran morrow mulligan murdoch
"""

# Irish, Scottish and Welsh
_SURNAME_GA_GD_CY = """
o'connor oconnor o'neill oneill o'sullivan osullivan o'reilly oreilly o'donnell odonnell o'hara
ohara o'connell oconnell o'callaghan ocallaghan o'donovan odonovan o'mahony omahony o'keeffe
okeeffe o'shea oshea o'dwyer odwyer o'malley omalley o'leary oleary o'toole otoole o'rourke
orourke o'grady ogrady o'driscoll odriscoll o'flaherty oflaherty byrne kelly brennan quinn
mcloughlin dunne keogh nolan whelan hennessy carey daly donovan boyle cleary fahy geraghty
hegarty kinsella lenihan mcauliffe mcnamara moloney mulcahy nagle phelan rafferty regan scanlon
sweeney tierney twomey mcgowan
"""

# German, Austrian and Swiss; umlauts also as ae, oe, ue and plain a, o, u
_SURNAME_DE = """
müller muller mueller schmidt schneider fischer becker schulz hoffmann schäfer schafer schaefer
koch bauer richter schröder schroder schroeder neumann zimmermann krüger kruger krueger hofmann
hartmann schmitz krause meier lehmann schmid schulze maier köhler kohler koehler herrmann walter
mayer huber peters scholz möller moller moeller schubert friedrich günther gunther guenther
winkler lorenz baumann franke albrecht schuster simon ludwig böhm bohm boehm kraus schumacher
krämer kramer kraemer vogt otto seidel heinrich brandt haas dietrich ziegler kuhn kühn kuehn
pohl bergmann voigt wolff pfeiffer beck kaufmann lindner wenzel roth thiel thiele schulte
hermann kühne kuhne kuehne dittrich schmitt marx seifert brinkmann ulrich wendt barth böttcher
bottcher boettcher götz gotz goetz hübner hubner huebner kuhlmann riedel rieger menzel paul
schuler hartung rothe gerlach haase lenz heinz nowak jansen petersen brauer ackermann arndt
bender decker ebert engelhardt fiedler förster forster foerster franz frey gebhardt geiger
heinemann henning hesse hoffmeister jacob jahn kirchner klose köster koster koester kunz
lindemann löffler loffler loeffler marquardt mertens michel mohr mielke naumann noack oswald
pietsch preuß preuss probst raab eder gruber pichler moser steiner hofer leitner wimmer mayr
egger brunner lechner haider wallner aigner ebner koller lehner holzer wieser aichinger
brandstätter brandstatter brandstaetter gugelmann bachmann widmer marti lüthi luthi luethi wyss
bieri hostettler imhof aebischer aeschlimann
"""

# French and Belgian
_SURNAME_FR = """
bernard dubois robert richard durand leroy moreau laurent lefebvre lefèvre lefevre garcia david
bertrand roux vincent fournier morel girard andré andre mercier dupont françois francois
martinez legrand garnier faure rousseau guérin guerin roussel nicolas perrin morin mathieu
clément clement gauthier dumont lopez masson sanchez gérard gerard nguyen boyer denis lemaire
duval joly gautier roger meunier perez dufour blanchard dumas brunet leroux colin fernandez
arnaud rolland caron aubert giraud leclerc vidal renaud lemoine picard gaillard philippe
leclercq lacroix fabre dupuis olivier rodriguez hubert louis charles guillot guillaume adam
lecomte ménard menard lévesque levesque tremblay ouellet bélanger belanger bergeron cloutier
desrosiers fortin morissette paquette poulin peeters janssens maes willems claes goossens
wouters pauwels vermeulen hermans aerts michiels verhoeven segers verbruggen wuyts claeys
declercq desmet smet vandamme verstraete vandenberghe vanderstraeten coppens cornelis deprez
devos dewulf geerts heylen janssen lemmens
"""

# Dutch
_SURNAME_NL = """
vries visser smit meijer mulder dekker leeuwen hendriks hoekstra smits kuipers schouten postma
gerritsen berg horst kuiper evers timmermans molenaar bosman brouwer beek veen linden bergh
vliet wijngaard dijkman veenstra hoogendoorn hoogland vermeer verbeek verbeke wolters boersma
hofstra jonkman kooistra kooijman nijhuis oosterhout smeets steenbergen terpstra veldman
verhagen westra zijlstra bouma bruijn bruyn donk driessen faber gelder geurts haverkamp heijnen
huisman kempen klaassen kloosterman kuijpers lammers
"""

# Nordic (Swedish, Norwegian, Danish, Finnish, Icelandic); ø, å, æ, ä, ö also as oe, aa, ae, ae, oe and plain letters
_SURNAME_NORDIC = """
andersson johansson karlsson nilsson eriksson larsson olsson persson svensson gustafsson
pettersson jonsson jansson hansson bengtsson jönsson joensson lindberg jakobsson magnusson
olofsson lindström lindstrom lindstroem lindqvist lindgren axelsson bergström bergstrom
bergstroem lundberg lind lundgren lundqvist mattsson berglund fredriksson sandberg henriksson
forsberg sjöberg sjoberg sjoeberg wallin engström engstrom engstroem eklund danielsson lundin
håkansson hakansson haakansson bergman gunnarsson wikström wikstrom wikstroem isaksson fransson
bergqvist nyström nystrom nystroem holmberg arvidsson löfgren lofgren loefgren söderberg
soderberg soederberg nyberg blomqvist claesson nordström nordstrom nordstroem mårtensson
martensson maartensson lundström lundstrom lundstroem viklund björklund bjorklund bjoerklund
eliasson pålsson palsson paalsson berggren johansen olsen larsen andersen pedersen nilsen
kristiansen karlsen johnsen pettersen eriksen haugen johannessen andreassen jacobsen jørgensen
jorgensen joergensen halvorsen henriksen sørensen sorensen soerensen jakobsen moen gundersen
iversen solberg svendsen eide knutsen martinsen paulsen nielsen christensen rasmussen madsen
kristensen thomsen christiansen poulsen møller mortensen knudsen mikkelsen olesen frederiksen
laursen clausen simonsen korhonen virtanen mäkinen makinen maekinen nieminen mäkelä makela
maekelae hämäläinen hamalainen haemaelaeinen heikkinen koskinen järvinen jarvinen jaervinen
lehtonen lehtinen saarinen salminen heinonen niemi heikkilä heikkila heikkilae kinnunen salonen
turunen laitinen tuominen rantanen karjalainen jokinen mattila savolainen lahtinen ahonen
hiltunen miettinen leinonen pitkänen pitkanen pitkaenen aaltonen manninen jónsson sigurðsson
sigurdsson guðmundsson gudmundsson ólafsson olafsson einarsson kristjánsson kristjansson
magnússon stefánsson stefansson jóhannsson johannsson björnsson bjornsson bjoernsson árnason
arnason helgason halldórsson halldorsson þórðarson thordarson jónsdóttir jonsdottir
sigurðardóttir sigurdardottir guðmundsdóttir gudmundsdottir
"""

# Polish
_SURNAME_PL = """
kowalski wiśniewski wisniewski wójcik wojcik kowalczyk kamiński kaminski lewandowski zieliński
zielinski szymański szymanski woźniak wozniak dąbrowski dabrowski kozłowski kozlowski jankowski
wojciechowski kwiatkowski krawczyk kaczmarek piotrowski grabowski zając zajac pawłowski
pawlowski michalski wieczorek jabłoński jablonski nowakowski majewski olszewski stępień stepien
malinowski jaworski adamczyk nowicki pawlak górski gorski witkowski walczak rutkowski michalak
szewczyk ostrowski tomaszewski pietrzak zalewski wróblewski wroblewski jasiński jasinski
marciniak zawadzki sadowski jakubowski włodarczyk wlodarczyk chmielewski borkowski sokołowski
sokolowski szczepański szczepanski sawicki kucharski kalinowski mazurek kubiak wysocki kołodziej
kolodziej kaczmarczyk nowacka kowalska wiśniewska wisniewska wójcikowa wojcikowa kamińska
kaminska lewandowska zielińska zielinska szymańska szymanska dąbrowska dabrowska kozłowska
kozlowska jankowska wojciechowska kwiatkowska piotrowska grabowska
"""

# Czech and Slovak
_SURNAME_CS_SK = """
novák novak novotný novotny dvořák dvorak černý cerny procházka prochazka kučera kucera veselý
vesely horák horak marek pospíšil pospisil pokorný pokorny hájek hajek jelínek jelinek růžička
ruzicka beneš benes fiala sedláček sedlacek doležal dolezal zeman kolář kolar navrátil navratil
čermák cermak vaněk vanek blažek blazek kratochvíl kratochvil bartoš bartos vlček vlcek polák
polak musil kopecký kopecky šimek simek konečný konecny štěpánek stepanek staněk stanek kadlec
novotná novotna dvořáková dvorakova černá cerna procházková prochazkova kučerová kucerova
horáková horakova svobodová svobodova horváth horvath varga tóth toth nagy baláž balaz szabó
szabo molnár molnar balog oravec mináč minac bielik hudák hudak
"""

# Hungarian
_SURNAME_HU = """
kovács kovacs németh nemeth farkas balogh papp takács takacs juhász juhasz lakatos mészáros
meszaros oláh olah rácz racz szilágyi szilagyi balázs balazs szűcs szucs kocsis orsós orsos
pintér pinter fodor szalai sipos lukács lukacs biró biro bíró lászló laszlo jakab bogdán bogdan
sándor sandor boros fazekas kelemen antal
"""

# Romanian and Moldovan
_SURNAME_RO = """
popa popescu radu dumitru stoica gheorghe matei ciobanu rusu constantin mihai munteanu ionescu
mocanu dinu nistor tudor florea ilie cristea nedelcu ardeleanu iordache iancu pavel diaconu
tănase tanase vasile nicolae mitrea stănescu stanescu georgescu vlad stoian avram gavrilă
gavrila ştefan stefan ștefan constantinescu dumitrescu marinescu năstase nastase tănăsescu
tanasescu petrescu grigore chiriac bălan balan
"""

# Bulgarian
_SURNAME_BG = """
ivanov ivanova georgiev georgieva dimitrov dimitrova petrov petrova nikolov nikolova hristov
hristova stoyanov stoyanova todorov todorova iliev ilieva vasilev vasileva atanasov atanasova
petkov petkova angelov angelova kolev koleva yordanov yordanova marinov marinova stefanov
stefanova popov popova mihaylov mihaylova krastev krasteva kostov kostova
"""

# Croatian, Serbian, Slovenian and Bosnian
_SURNAME_HR_SR_SL_BS = """
horvat kovačević kovacevic babić babic marić maric jurić juric kovačić kovacic knežević knezevic
vuković vukovic marković markovic petrović petrovic matić matic tomić tomic pavlović pavlovic
božić bozic blažević blazevic grgić grgic pavić pavic radić radic perić peric šarić saric lovrić
lovric vidović vidovic bošnjak bosnjak jovanović jovanovic nikolić nikolic đorđević dordevic
stojanović stojanovic ilić ilic stanković stankovic milošević milosevic popović popovic lazić
lazic kostić kostic mitrović mitrovic živković zivkovic ristić ristic simić simic radovanović
radovanovic janković jankovic milenković milenkovic todorović todorovic obradović obradovic
stevanović stevanovic savić savic milić milic vasić vasic krstić krstic lukić lukic marinković
marinkovic zupančič zupancic
"""

# Greek
_SURNAME_EL = """
papadopoulos papadopoulou papageorgiou oikonomou papadimitriou georgiou dimitriou nikolaou
ioannou vasileiou konstantinidis christodoulou karagiannis antoniou pappas makris athanasiou
papanikolaou angelopoulos papadakis michailidis georgiadis alexiou stavrou theodorou
panagiotopoulos kyriakou nikolaidis karamanlis mitsotakis tsipras papandreou venizelos
koutsoukos dimopoulos economou economides kostopoulos katsaros lamprou panagiotou pavlidis
petridis sotiropoulos spanos tzanetakis zervas
"""

# Russian, Ukrainian and Belarusian (transliterated)
_SURNAME_RU_UK_BE = """
smirnov kuznetsov vasilyev vasiliev sokolov mikhailov novikov fedorov morozov volkov alekseev
lebedev semenov egorov pavlov kozlov stepanov nikolaev orlov andreev makarov nikitin zakharov
zaitsev soloviev borisov yakovlev grigoriev romanov vorobiev sergeev kuzmin frolov alexandrov
dmitriev korolev gusev kiselev ilyin maksimov polyakov sorokin vinogradov kovalev belov medvedev
antonov tarasov zhukov baranov filippov komarov davydov belyaev gerasimov bogdanov osipov
sidorov matveev titov mironov krylov kulikov karpov vlasov melnikov denisov gavrilov tikhonov
kazakov afanasiev danilov savelyev timofeev fomin chernov abramov martynov efimov fedotov
shcherbakov nazarov kalinin isaev chernyshev bykov maslov rodionov konovalov lazarev voronin
klimov filatov ponomarev golubev kudryavtsev prokhorov naumov potapov zhuravlev ovchinnikov
trofimov leonov sobolev ermakov smirnova kuznetsova vasilyeva sokolova mikhailova novikova
fedorova morozova volkova alekseeva lebedeva semenova egorova pavlova kozlova stepanova
nikolaeva orlova andreeva melnyk shevchenko kovalenko bondarenko boyko tkachenko kravchenko
kovalchuk koval oliynyk shevchuk polishchuk bondar tkachuk marchenko moroz lysenko rudenko
savchenko petrenko klymenko pavlenko kravchuk kuzmenko ponomarenko vasylenko levchenko
kharchenko sydorenko karpenko yurchenko
"""

# Baltic (Lithuanian, Latvian, Estonian)
_SURNAME_BALTIC = """
kazlauskas jankauskas petrauskas stankevičius stankevicius vasiliauskas žukauskas zukauskas
butkus paulauskas kavaliauskas urbonas sadauskas navickas ramanauskas savickas rimkus bērziņš
berzins kalniņš kalnins ozoliņš ozolins jansons ozols liepiņš liepins krūmiņš krumins balodis
eglītis eglitis zariņš zarins pētersons petersons vītols vitols tamm saar sepp mägi magi kask
kukk rebane ilves pärn parn lepik kuusk pärtel partel raudsepp
"""

# Italian
_SURNAME_IT = """
rossi esposito ricci bruno giordano mancini rizzo lombardi moretti barbieri santoro mariani
rinaldi caruso galli martinelli lombardo coppola desantis d'angelo dangelo marchetti parisi
ferraro ferri fabbri marini valentini deluca pellegrini palumbo sanna rizzi cattaneo morelli
silvestri pellegrino giuliani benedetti rossetti caputo montanari palmieri bernardi derosa
ferretti bellini basile donati piras vitali sartori costantini milani ruggiero sorrentino
d'amico damico cirillo ferrante fumagalli brambilla bertolini bonetti giorgi guidi mazzoni
morandi orsini porcu ricciardi riccardi ruggeri santini santoni scotti serafini sirianni
spinelli tosi trevisan venturi zanetti zanella zanotti zucchi agostini alberti amatucci bellucci
berlusconi bonino carli cattani ciampi d'alessandro dalessandro d'onofrio donofrio
"""

# Spanish (Spain, including Catalan, Basque and Galician)
_SURNAME_ES = """
garcía rodríguez gonzález gonzalez fernández lópez martínez sánchez pérez gómez gomez martín
jiménez jimenez ruiz hernández hernandez díaz diaz muñoz munoz álvarez alvarez romero alonso
gutiérrez gutierrez navarro domínguez dominguez vázquez vazquez gil ramírez ramirez serrano
morales suárez suarez ortega castro ortiz marín sanz núñez nunez garrido cortés lozano cano
méndez mendez herrera márquez marquez peña cabrera carrasco díez aguilar pascual santana herrero
lorenzo giménez gimenez ibáñez ibanez ferrer aguirre echeverría echeverria etxeberria goikoetxea
garmendia aranburu urrutia larrañaga larranaga
"""

# Portuguese and Brazilian
_SURNAME_PT = """
silva ferreira pereira oliveira rodrigues martins sousa souza fernandes gonçalves goncalves
gomes lopes alves almeida ribeiro carvalho teixeira moreira correia mendes nunes soares vieira
monteiro cardoso raposo neves coelho cunha pires simões simoes antunes fonseca machado araújo
araujo barbosa tavares lourenço lourenco figueiredo azevedo freitas baptista batista henriques
cavaco sequeira brito magalhães magalhaes rezende resende guimarães guimaraes queiroz xavier
vasconcelos sampaio assunção assuncao brandão brandao dantas damasceno falcão falcao galvão
galvao
"""

# Latin American
_SURNAME_LATAM = """
chávez chavez juárez juarez guzmán guzman velázquez velazquez contreras soto alvarado sandoval
cárdenas cardenas mejía mejia ávila avila montoya zapata trejo becerra beltrán beltran solís
solis benavides bermúdez bermudez cifuentes londoño londono quispe mamani condori huamán huaman
apaza ticona
"""

# Turkish and Azerbaijani
_SURNAME_TR_AZ = """
yılmaz yilmaz şahin sahin yıldız yildiz yıldırım yildirim öztürk ozturk aydın aydin özdemir
ozdemir arslan doğan dogan kılıç kilic çetin cetin koç koc özkan ozkan şimşek simsek korkmaz
karataş karatas erdoğan erdogan aktaş aktas güneş gunes yüksel yuksel özer ozer ateş ates uçar
ucar güler guler ünal unal ekinci yiğit yigit
"""

# Arabic (transliterated)
_SURNAME_AR = """
al-ahmad ahmad al-ali ali al-rashid rashid al-rashidi rashidi al-saud saud al-sayed sayed
el-sayed al-hassan hassan al-hussein hussein al-khalil khalil al-masri masri el-masri al-harbi
harbi al-otaibi otaibi al-qahtani qahtani al-ghamdi ghamdi al-zahrani zahrani al-dosari dosari
al-mutairi mutairi al-shehri shehri al-anazi anazi al-shammari shammari al-maliki maliki al-amri
amri al-omari omari al-jaber jaber al-mansour mansour al-hashimi hashimi al-tamimi tamimi
al-najjar najjar al-khatib khatib al-haddad haddad al-hakim hakim abdullah abdelrahman
abdel-rahman abdelaziz abdel-aziz mohamed mahmoud ibrahim hussain mostafa mustafa saleh suleiman
soliman youssef yousef nasser hamdi farouk fawzi gamal kamal rizk sabry shawky taha wahba zaki
zaky badawi bakr darwish fahmy benali bouazizi bouteflika belkacem benjelloun bennani el-fassi
fassi alaoui amrani berrada chraibi el-idrissi idrissi ouazzani tazi bensaid benmoussa boukhari
cherkaoui el-amrani
"""

# Persian (Iran, Afghanistan, Tajikistan)
_SURNAME_FA = """
mohammadi hosseini ahmadi rezaei moradi karimi jafari rahimi hashemi mousavi ghasemi heidari
sadeghi kazemi rostami salehi mirzaei abbasi akbari azizi bagheri ebrahimi esmaeili faraji
ghorbani hosseinzadeh jalali kamali khani khorasani mahmoudi mansouri mohammadzadeh najafi
nazari rahmani shahbazi soltani yazdani zamani ansari asadi bahrami dehghan farahani ghaffari
habibi hakimi kiani mahdavi mehrabi moghadam motamedi nikpour karzai durrani popalzai barakzai
noorzai yusufzai
"""

# Hebrew (Israel)
_SURNAME_HE = """
cohen mizrahi peretz biton dahan avraham friedman azoulay katz yosef ohayon ochayon shapira
shapiro ben-david ben-haim goldberg goldstein rosenberg rosenthal feldman levin levine horowitz
rabinowitz katzenelson netanyahu gantz lapid ashkenazi mizrachi yaakov yitzhak ben-gurion
weizmann eshkol olmert lieberman liberman bernstein weinstein lowenstein eisenberg blumenthal
rothschild
"""

# Indian (all regions)
_SURNAME_IN = """
sharma verma gupta singh patel shah mehta joshi agarwal aggarwal agrawal jain bansal goyal goel
mittal garg singhal khandelwal maheshwari saxena srivastava shrivastava tiwari tripathi pandey
mishra dubey dwivedi chaturvedi upadhyay shukla bajpai awasthi dixit trivedi bhatt bhat bhatia
chopra kapoor khanna malhotra mehra arora ahuja sethi sahni sawhney kohli bedi sandhu sidhu
dhillon grewal brar bains virk cheema bajwa randhawa chahal sekhon aulakh sodhi walia chawla
narula oberoi talwar tandon bhalla dhawan khurana luthra nagpal sachdeva sabharwal suri vohra
yadav chauhan rathore rajput thakur chaudhary choudhary chaudhry rao reddy naidu chowdary varma
krishnan iyer iyengar nair menon pillai kurup nambiar panicker warrier subramaniam subramanian
venkataraman ramachandran raghavan srinivasan balasubramanian natarajan narayanan ramanathan
sundaram swaminathan krishnamurthy gopalakrishnan rajagopalan chandrasekaran murthy murthi
shetty hegde kamath shenoy prabhu kulkarni deshpande deshmukh patil pawar jadhav shinde gaikwad
chavan kadam salunkhe bhosale sawant gokhale apte bhide godbole paranjpe phadke sathe tendulkar
gavaskar ganguly banerjee bandyopadhyay chatterjee chattopadhyay mukherjee mukhopadhyay
bhattacharya bhattacharjee chakraborty chakrabarti dasgupta dutta datta ghosh basu sengupta
sarkar majumdar mazumdar biswas mondal saha haldar halder chowdhury bhowmick karmakar nandi
pramanik sanyal lahiri
"""

# Pakistani and Bangladeshi
_SURNAME_PK_BD = """
ahmed akhtar iqbal raza qureshi siddiqui javed aslam hameed rehman rahman bukhari gilani jilani
bhutto zardari niazi afridi yousafzai khattak tareen jatoi leghari mazari marri bugti mengal
baloch lakhani jamali soomro laghari mahar chandio junejo kazmi hashmi naqvi rizvi zaidi hossain
miah begum khatun sarker talukder bhuiyan bhuiya mollah sikder mridha howlader hawlader akand
majumder dey
"""

# Indonesian and Malay
_SURNAME_ID_MS = """
santoso hidayat tanoto setiawan gunawan kurniawan susanto wibowo saputra pratama hartono budiman
sudirman siregar nasution lubis harahap simanjuntak sitompul hutagalung panjaitan pardede
sianturi sinaga situmorang manurung sembiring ginting tarigan purba damanik sihombing pohan
tambunan tampubolon hasibuan rangkuti batubara daulay napitupulu marpaung silalahi pangaribuan
hutapea simatupang wahid sutanto suryadi haryono subianto prabowo widodo yudhoyono soekarno
sukarnoputri wirawan kusnadi ismail yusof
"""

# Filipino
_SURNAME_FIL = """
delacruz dela-cruz macaraeg manalo gatchalian magsaysay macapagal panganiban manalastas
dimaculangan dimaano dimagiba maglaya magbanua dumlao catacutan pangilinan tiongson quiambao
tuazon lacson
"""

# Vietnamese
_SURNAME_VI = """
nguyễn trần tran phạm pham hoàng hoang huỳnh huynh phan đặng bùi bui dương duong lưu luu trương
truong đinh dinh quách quach châu chau kiều kieu lương luong vương vuong doan đoàn trịnh trinh
triệu trieu
"""

# Thai
_SURNAME_TH = """
srisuk sukprasert wongsawat chaiyaporn rattanakorn suwannarat thongchai kaewmanee boonyarat
chaisiri sirisuk wongsuwan tangsakul somboon suksawat phongphaew kittikachorn shinawatra
chan-ocha
"""

# Chinese (pinyin and Cantonese romanization)
_SURNAME_ZH = """
wang zhang liu chen huang zhao zhou zhu guo lin luo gao zheng liang xie feng deng peng zeng xiao
tian cai jiang yao zhong shen lyu xiong meng qiu qian duan hou qin yang wong cheung leung tse
lau kwok yip tsang fung chiu chung yeung kwan tsui poon tsai hsu hsieh chiang liao kuo goh koh
quek seah ooi liew
"""

# Japanese (romaji)
_SURNAME_JA = """
sato takahashi tanaka watanabe yamamoto nakamura kobayashi kato yoshida yamada sasaki yamaguchi
matsumoto inoue kimura hayashi shimizu yamazaki ikeda hashimoto yamashita ishikawa nakajima
maeda fujita ogawa okada hasegawa murakami kondo ishii saito sakamoto endo aoki fujii nishimura
fukuda miura fujiwara okamoto matsuda nakagawa nakano harada ono tamura takeuchi kaneko wada
nakayama ishida ueda morita shibata sakai kudo yokoyama miyazaki miyamoto uchida takagi
taniguchi maruyama imai takada fujimoto murata ueno sugiyama masuda sugawara hirano kojima
otsuka kubo matsui iwasaki sakurai kinoshita noguchi matsuo kikuchi onishi sugimoto arai hamada
ichikawa furukawa mizuno komatsu shimada koyama takano yamauchi
"""

# Korean (romanized)
_SURNAME_KO = """
kim choi jeong kang cho yoon yun jang kwon hwang ahn jeon bae baek heo yoo noh kwak joo ryu chae
chun cheon byun
"""

# African: Nigerian (Yoruba, Igbo, Hausa)
_SURNAME_NG = """
adeyemi adebayo adewale adeleke adeniyi adeoye adesanya adetunji adeyinka afolabi ajayi akande
akinola akinwale alabi babatunde bakare balogun fashola falana fagbemi fashina ige ilori
oyelaran odunsi ogunleye ogunbiyi okafor okeke okonkwo okoro okoye onyeka onyekachi onuoha nwosu
nwachukwu nwankwo nwogu obiora obasanjo ogundipe ogunlade oladipo olaniyan olawale oluwole
omotosho osagie oyebanji oyedele oyewole shittu sowande taiwo uzor ezeh ezeoke chukwu chukwuma
chukwudi anyanwu nnaji nwafor ugwu udeh mbah abubakar aliyu
"""

# African: Ghanaian, West African and Francophone
_SURNAME_WEST_AFRICA = """
mensah owusu boateng asante osei agyeman appiah amoah acheampong addo adjei amponsah ansah antwi
asamoah badu bonsu darko donkor frimpong gyamfi kusi nkrumah obeng ofori opoku quaye sarpong
diop ndiaye gueye faye mbaye seck niang cisse cissé traoré traore keita keïta koné kone
coulibaly diarra sangaré sangare touré toure sylla ouattara konaté konate dembélé dembele
sissoko doumbia kouyaté kouyate fofana sanogo dramé drame
"""

# African: East African (Kenya, Tanzania, Uganda, Ethiopia)
_SURNAME_EAST_AFRICA = """
kamau mwangi otieno ochieng odhiambo omondi onyango wafula wekesa kiprono kipchoge kiptoo kibet
cheruiyot kiplagat korir rotich kiprotich kosgei kemboi koech langat ngetich njoroge kimani
mutua kariuki wanjiru maina githinji kinyanjui macharia mugo muriuki ndungu nyaga waweru ngugi
kenyatta odinga kibaki musyoka mudavadi wetangula hamisi mukasa ssemakula musoke kasozi
tumusiime besigye tadesse kebede tesfaye gebre gebremedhin gebreyesus tekle woldemariam bekele
alemu assefa abebe mengistu ayele demissie
"""

# African: Southern African
_SURNAME_SOUTHERN_AFRICA = """
dlamini nkosi ndlovu khumalo mkhize sithole mahlangu mokoena mofokeng mthembu ngcobo nxumalo
zwane shabalala buthelezi radebe mabaso ntuli mthethwa mazibuko gumede molefe motaung moloi
mahlaba masilela nkuna hlongwane baloyi maluleke chauke mathebula mabunda tshabalala mabena
mbatha magagula ngubane ramaphosa vanwyk coetzee fourie vermaak vorster verwoerd viljoen plessis
merwe niekerk rensburg heerden schalkwyk steyn
"""

# Caucasus and Central Asia
_SURNAME_CAUCASUS_CENTRAL_ASIA = """
beridze kapanadze gelashvili maisuradze giorgadze lomidze tsiklauri bolkvadze grigoryan sargsyan
harutyunyan hovhannisyan karapetyan khachatryan gevorgyan petrosyan vardanyan hakobyan
nazarbayev tokayev karimov rakhimov yusupov abdullaev mirziyoyev
"""

# More names of the same cultures, not compiled by hand: the given names and family names of the
# person lists of Faker (40.63, its Latin-script locales), kept when they passed the screens above
# and three more, in this order: not a word, in lower case, of /usr/share/dict (English, German,
# French, Spanish, Portuguese, Italian, Dutch) nor of the Hunspell dictionaries of 24 European
# languages (Turkish, Hungarian, the Nordic, Baltic, Slavic languages, Romanian, Indonesian...);
# not a Debian package's name or a part of one; not a lower-case word met three times in the
# Python packages, documentation and Loghub samples on a developer's machine; not more frequent
# in a language of none of the locales that list it than in theirs (wordfreq: "olan" is a Turkish
# word, not a name), nor very frequent anywhere (Zipf 4.8 or more); and not rare (Zipf under 2 in
# all 22 languages: no name once given in Iceland); and not a compound with no part of four
# letters (Amy-Lee: the batch gate looks a name up by its longest part). 4,055 given names and
# 4,310 family names.
_GIVEN_MORE = """
aadam aage aagot aaliyah aapo aarne aaro aatos abbie abbott abdelkader abdellah abderrahmane abdulkadir
abdullahi abdurrahman abdón abdülkerim abelardo abhimanyu abilio achiel achille achim adalbert adalberto
adaline adamo addie adelbert adelheid adelia adelina adelle adelmo adin adlai adolf adolfo adolph adolphus
adomas adriaan adriane adrianna adrianne adriano adriel adrien adrienn adrienne agapito agatha agathe agnar
agnese agnolo agostina agostino agripina agusta ahsen aiden aiga aigars aileen aimo ainara ainsley ainārs airi
aistis aisyah aivaras ajda ajeng akay akeem akif akshay aksoy akyıldız alaaddin aladino alaeddin alaina alanis
alanna albeiro alberico albertine alberts albion alcides alcira aldair alden aldonza aleck aleen aleida aleix
alejo aleks aleksander aleksandras aleksandrs aleksanteri alenka alesha alesia aletta alexa alexandrie
alexandro alexe alexej alfio alfonse alfonzo alford alfrēds algernon alison alissa alister alizée allana allyn
allyson almudena almut almuth alois alojz alojzij alojzija alonzo aloys aloïs alparslan alphons alphonsine
alphonso alphonsus alston alton altuğ alvan alve alvia alvy alwin alwine alyce alycia alys alyson alžbeta
alžběta amadea amancio amaru amasa amaury amaya ambrose amedeo amelija amerigo amira amleto ammon
amy-leigh amya amílcar anabella anabelle anahi anahí anamaria anastacia anastasio anastazja anastázie anatoli
anatolie ancel andrae andree andrej andreja andrejka andrejs andrija andrée anděla anett anette anežka
angeline anghel angie anica anicet aniela anikó anirudh anissa anișoara anjelica ann-britt ann-charlott
ann-charlotte ann-christine ann-louise ann-sofi anna-karin anna-liisa anna-lisa anna-luise anna-marie annabel
annabell annalena annalisa annalise annamaria annamária anne-catherine anne-françoise anne-kathrin anne-katrin
anne-rose annedore annegret anneleen annelies anneliese annelise annemarie annemie anner annerose annett
annetta annette annibale annica anniina annija annikki annina annis annita annukka anouk ansaldo anselm
anselma anselmo ansis ansley antim antoaneta antoin antone antonella antonello antonette antonie antonieta
antonija antonios antoniu antonius antons antony antoon antwan anvar anđela anže apolena apolline apollonia
apolonia aracely arcelia archibald ardian arely aretha argemiro ariadna arianne aribert aric ariela ariella
arielle aristides arkadiusz arkut arlen arlene arlette arlington arly armand armandas armande armands armida
arminas arminda armond armstead arnaldo arnaud arnd arndt arnett arnie arnim arnold arnoldas arnolds arnulf
arnulfo aroa aronas arpád arron artie arttu artturi artur artūras arvid arvin arvydas arvīds aryan arūnas
asbury asger ashby asher ashlee ashleigh ashton assia astrit atalay atena atilio atticus audie audley audrius
audry augustina aukusti aulikki aulis aurelija aurelio aurélien austen auston austra autry aušra aušrinė avon
axelle ayaan ayhan aykut aymen aymeric ayoub ayten ayşenur azahara aziza babett babette baccio badawi badr
baldassare baldomero baldur baldwin ballard baltazar balthasar barbra barnabás barnett barrett bartek
bartholomew bartholomäus bartley bartolomej bartolomeo bartolomé basarab bascom basem bashar basheer basile
bastiaan baudouin baykan beatrijs beatrix beckett beckham bedřich beecher bektaşi belinda belton benas benedek
benedicto benedikte benedita bengta benicio bennett bennie benno benson benton benício berend berent berglind
berkley bernabé bernadett bernardino bernardita bernd-dieter berndt bernhard bernice bernie bernward bertalan
berthold bertie berto bertold bertrand bessie betsey bettie bettina beulah bevan beverley beyonce biagio
bianka bican bieke bilgen bilkay billie billie-jo birger birgitt birgitte birgül birsen birte bjarne bladimir
blahoslav blaine blanchard blandine blažej bobbie bogomir bohdana bohumil bohumila bohumír bohuslav bohuš
boleslav bonifác borbála borut borys botond bouchra boyce boyd bořivoj boštjan bradley brady bradyn brahim
brandin brandyn branislav branislava brannon branson brantley braulio brayden breanna brenden brendon brenton
brianda brianne bridgette bridgit bridie brieuc brigid brigita brigitta britney britt-mari britt-marie britta
brittney britton broderick brodie brody bronson bronwen bronwyn brunhild brunhilde brunilda bryana bryant
bryce bryon bryson buell buffy buford buhari burdette burghard burkard burkhard burkhardt burleigh burnell
burnett burney burnie burrell bynum byron béatrix bénédicte bérengère błażej břetislav caden caetana cahya
cahyo cahyono cailin caitlyn caius cajsa caleb calebe calhoun calixto callum cambria cameron camillo camillus
camryn cantemir carissa carl-heinz carl-johan carlene carleton carley carlie carlijn carlton carly carlyle
carlyn carmella carminho carnell carole carolien carolin carrie carrol carroll carsen carson caryl caryn
casandra casemiro casey casian casper cassidy caswell catharina catharine catherina cathie cathleen cathrin
cathrine cathryn catia catrina catrine catrinel cauê cavit cayetana cayetano cazimir ceasar cebrián cecelia
cecep cecile cecily celestia celestine cenan cevheri ceyhun cezary cezayir chace chadwick chaim chaitanya
chancey chaney channing chantelle charan charissa charle charley charline charlize charlott charlton charly
chauncey chaz chelo chelsea chelsey cherrie chesley chiraz chrissie chrissy christa-maria christabel christel
christelle christer christiaan christiane christl christof christofer christoffer christy chrystal chuy chyna
cilly cinthia cinthya cintia ciprian cipriano ciriaco cirillo cirino claas claes claribel clarke claud
claudette claudie claudina claudine claudiu claudius claudy claus-dieter clemens cleon cleone cleta cletus
cleve clifton clodomiro cloe clorinda clothilde clotilde clovis cloé clyde codi codruța coleen coleman coletta
colette coline collis colman colter colton coluccio colum colvin conchita conley connell conny conrad conradin
conrado constantina constanza constanze constança consuela coolidge coralie coraline corbett cordelia cordell
corean corentin coretta corey corinna corliss cormac cormack cornelia corneliu cornelius corrine corwin cory
cosima cosmas cosme cosmin costache costantino costanzo costin coty courteney courtland craig crawford creola
crissy cristea cristhian cristin cristine cristobal cristofor cristopher cristy cristóbal crockett csilla
csongor ctibor ctirad curley curtiss cvetka cyndi cyprian cyriel cyrill cyrille czeslaw cäcilia cäcilie cécile
célestine daamin dabney dagmara dagny dagobert dalibor dallin dalvin damaris damian damiano damien damijan
damion damián damjan damjana danae danang danette daniella daniels danijel danique dannie danson danuše daren
darien darina darinka darja darl darnell darrel darrell darrin darry daryl davey davie davina davorin dawid
dawson dayana dayna dayne dayse dayton deandre deane deangelo deanne debbi debby debera decebal deedee deegan
deena deion deirdre deividas delaney delano delbert delcie delma delmar delores delphine demarcus demetra
demetri demetria demetrio demetrios demetrius demi-leigh dempsey denise denisse dennie denzel denzil deon
dereck derick dermot dermott deron derval derwin deshaun deshawn detlev devante dewayne dewey dewitt deyanira
dezső diah dianne dickson diederik diedrich dierk diethard diethelm diether dietlind dilara dillard dillon
dimitri dinah dionigi dismas ditmar dittmar dixon djamel dobromila dochia dollie domagoj domantas domhnall
dominick dominyka dominykas domitila domnica donatas donatella donatello donnell donnie donny donovan dorcas
dorel dorinda dorine dorinel dorle dorothea dorothee dorothée dorottya dorris dorsey dorthe doug douglass
dounia dovilė dovydas doyle dozier dragica dragutin drahomír drahomíra drahoslav drahoslava drajat drury
drusilla dudley duilio duje dulcie dumitra durrell dwain dwan dwight dwyane dylon dzidra dzintra dénes dörthe
earle earley eartha easton ebenezer eberhard eberhardt ecaterina eckard eckart eckehard eckhardt eckhart eddie
edelgard edelmira edelmiro edeltraud edgaras edgard edie edilberto edinson edison edith editha edmond edmund
edmundo edmunds edon edouard edra edsel eduard eduards edvard edvardas edvin edvinas edvīns edwina eemeli
eemil eero eetu eeva effie efrain efraín efren efrén eftimie egbert egidijus ehrenfried ehrhard eila eileen
eilish einari eiríkur eivor ekber ekkehard ekkehart eladio elbert elbridge elby eldred eldridge eleazar elemér
eleonor eleonore elfie elfriede elie eliecer elien eliezer eligio elihu eliisa elinor eliott elisabet
elisabeta elisabete elisabetha elisha elissa elizabeta elizabete ellar ellery ellinor ellis ellisif ellison
ellsworth ellwood elly ellyn elman elmer elmeri elmira elmore elmārs elof eloi eloy eloá eloísa elpidio elroy
elsbeth elsebeth elsie elsy elton elvia elvire elwin elwira elwood elwyn elyas elyse elza eléonore emanoil
emanuel emelie emeline emerson emiel emigdio emile emilian emilien emilly emma-louise emmanuel emmanuelle
emmerich emmett emmie emmitt emmons emmy emory emrullah emīlija emīls endah engla enid enja ennio enoch enok
enola enos enriqueta ensio enya ephraim epifanio eppie eraldo erasmo erastus erbil erby ergül erhard erhardt
erick ericka erie erkki erland erling ermanno ermenegildo ermes ernest ernestas ernestina ernestine ernesto
ernests ernst-dieter ernst-otto ernő errol ertan ervin ervín erwan eryk erykah esben eskil esparta espartaco
essie esteban estefan estefania estefanía estella estevan etelka etelvina ethel etienne ettore euan eudora
eugenio eula eulalie eulogio eunice euphemia eusebia eusebio eusebiu eustace eutropio eva-lena eva-maria
eva-marie evald evaldas evander evangelina evaristo evelien eveliina eveline evelio everett evey evie evija
evon ewan ewart ewelina ewell ewing exequiel ezekiel ezequiel ezio fabien fabiola fabricio faize falko fallon
fanni fannie faraj farouk farrah farrell faustas fayette febi federigo feisal feliciana feliciano felipa
felisa felizitas felton ferdinando fergus ferhan fernand fernande ferney ferrell festus fetullah fidencio fien
filippus finley finnegan finney fiodor fionan fiorenzo fitzgerald fitzhugh flavia flavie flavio flem fleming
floarea floortje florent florența floriane florica florinda florine flossie folker folkert francina francisc
franciscus franciska franciszek francy frank-michael frank-peter franklyn franky františka franz-josef
franz-peter franz-xaver franziska françois-xavier frančišek frauke frazier freddy fredericka frederico
frederik frederike frederikke frederique fredi fredo fredric fredrick fredrika freja fremont freya freyja
freyr fridrich friedbert friedemann friederike friedhelm friedl friedrich-karl friedrich-wilhelm frithjof
froilán fryderyk frédérique fulgencio fulton fynn gabrielius gabrielle gabrielly gaither galasso galvarino
ganjaran gannon gardner gareth garfield garnett garrett garrick garry garth gaspard gaspare gaston gastone
gastón gatis gautam gauthier gayle gaylord gaëtan gebhard gediminas gejza gelsomina genaro genoveva geoff
geoffrey geoffroy georges georgeta gerardo gerardus gerdi gereon gergely gerhardt gerhart gerhild gerlinde
gernot gerri gerry gerta gertie gertraud gertrud gertrude gertrudis gervasio gerwin gery gesche ghanem
ghenadie gheorghiță ghislain ghiță ghulam giampiero gian giana gianfrancesco gianfranco gianina gianluigi
gianmarco gianpaolo gibson gică gidget giedrė giel gifford gijs gilberte giles gilford gillian gillis gilman
gilmer gilmore ginette gioacchino gioele gion gionata giosuè giovanny girolamo gisa gisbert gisèle giulietta
giuseppa gizella gladys glenda glendon glendora glennie glennis glenwood glynn godelieve godfrey godofredo
godwin goebel goffredo golda goldia gorazd gottfrid gotthard gotthilf gotthold gottlieb graciela graeme
grafton granville graydon grayson greene greger gregg gregoria gregorio gretchen gretel greyson griffith
grigore griselda grégoire gudula guglielmo guilford guillermina guiomar guiseppe gulab gun-britt gundolf
gundula gunn gunta guntars guntis guntram gunvor gunārs gussie gustaaf gustas gustave gustavus gustaw gusztáv
guthrie guus guusje gwendolen gwendoline gwendolyn gwyn gwyneth gyda gytis gyöngyi györgyi győző gökay göken
götz gülay gülseren güngören habiba hadassah hadley hadrien haiden hailee hailey hakeem halbert haleigh haley
hallgeir hallie hallmann halsey hampus hanne-lore hannele hanns hans-adolf hans-albert hans-bernd
hans-christian hans-detlef hans-dietrich hans-eberhard hans-erich hans-friedrich hans-gerd hans-gerhard
hans-günter hans-günther hans-heinrich hans-helmut hans-herbert hans-hermann hans-hinrich hans-jochen
hans-josef hans-jörg hans-karl hans-ludwig hans-otto hans-rainer hans-rudolf hans-theo hans-ulrich hans-uwe
hans-walter hans-werner hans-wilhelm hans-willi hans-wolfgang hansford hansjörg hansjürgen hanss haralambie
hardin harijs harland harlow harriet harriett harris harrison harro harrold hartvig hartwell hartwig haruko
harvie hasso hatem hatin hattie haydée hayes hayley haylie haywood hazrat hebert hedi hedvig hedviga hedvika
hedwig hedy heide-marie heidemarie heidi heidrun heiner heinz-dieter heinz-georg heinz-gerd heinz-günter
heinz-günther heinz-joachim heinz-josef heinz-jürgen heinz-otto heinz-peter heinz-walter heinz-werner
heinz-wilhelm heinz-willi heleen helfried heliodoro hellevi hellmut hellmuth helmar helmer helmi helmuth
heloisa heloise heloísa helvi henderson hendri henk henner henric henricus henrieta henriette henrike henrikki
heraclio herberto herborg herdis heribert heriberto hermanis hermann-josef hermanni hermenegildo herminia
hermon hernando herschel hershel hertha hervey herwig hettie heyward hezekiah hicham hidde hilary hildegarde
hildur hilkka hillard hillary hillevi hilliard hilma hilmar hilmer hilton hiltrud hinrich hjalmar hjördis
hobart hobson hocine hollie hollis horace horacio horatio horațiu horea horst-dieter horst-günter horst-peter
horton hosea houcine houda howell hoyt hubbard hudson hugh hughie huguette hulda humberto humphrey hunor
huston hyman håkon håvard héloïse hümeyra iacob iancu iben ibrani ieremia iftikhar ignacia ignacy ignas
ignatius ignatz ignaz ignazio ignác igors ihab iida iisakki ikhsan ilarion ilda ildefonso ildikó ilene ilenia
iliana ilinca ilka ilkka illya ilmari ilmārs ilona ilyas imanol imants imke imogen imogene imrich indriķis
indy inez ing-britt inga-britt inga-lill ingalill ingberg ingbert ingegerd ingegärd ingemar ingmar ingolf
ingrida ingrīda inguna ingvar inken inkeri inocencio iolanda ionel iosif iriana irinel irmantas irmela irmeli
irmtraud irmtraut irvine irving irwan irwin isabell isabelly isadora isadore isaiah isaias isaque isaura
isaías isham ishmael isiah ismael ismaël isobel isolde issac itziar iuliu iurie iustin iustinian ivanna
iverson ivey ivona ivonne ivor izabelė izidor iztok jaakko jaana jabbar jabez jacey jacinta jackeline jacki
jackie jacky jaclyn jacoby jacopo jacque jacquelin jacquelyn jadon jadranka jael jafet jagger jahangir jaimie
jairus jakop jalen jalmari jamaal jamarcus jameel jameson jamey jamie-lee jamie-leigh jamison jan-olof
jan-peter janae janel janelle janeth janette janey janine janko jann janni jannie jannik jannis
janosch japhet japheth jarkko jarno jarod jaromír jarrad jarrell jarrett jarrod jarvis jasin jasmina javan
javiera jaxon jayce jaycee jayden jaye jaylen jaymes jayne jayson jazmine jeane jeanette jeanie jeanine jeanna
jeannie jeannine jeannot jeanny jedediah jeet jeferson jefferson jeffery jeffry jefri jelte jemima jemma
jenaro jenelle jenifer jeniffer jennette jennie jennings jens-peter jens-uwe jerald jered jeremi jermain
jermaine jernej jerneja jerri jerrod jerrold jesica jesper jessi jessika jessy jesusa jett jewell jhonny jhony
jiles jillian jimena jimmie jindřich jindřiška joacim joakim joanie joann joanne joaquim jobe jobst jocelyn
jocelyne jochen jochum jodie jody joeri joffrey johana johann johanne johans johnathan johnie johnnie
johnstone jokūbas jolana jolien jolijn jolán jonah jonathon jonna jonny joona joonas joonatan jordin jordon
jordy jordyn joren jorma jorn jorunn jory josefiina josefin josefine josephina josephus josette josiah josie
josipa joslyn josua josy josée jouko jovita joye jozo joëlle joško jožefa jožica juanito judah judd judita
judson juhana juhani juho juliane julianna julianne julie-anne juliet julijana julissa juliusz juraj jurre
justen justina justyn juulia juuso jyoti jyrki jytte jörg-peter jörgen jörn jørgen jāzeps jēkabs jędrzej
jūlija kaarlo kaat kacey kacie kahlil kaique kaisa kaitlin kaitlyn kajsa kajus kaleb kalervo kaley kamiel
kandy kanye karimi karl-august karl-dieter karl-erik karl-ernst karl-friedrich karl-georg karl-hans
karl-heinrich karl-hermann karl-josef karl-jürgen karl-ludwig karl-otto karl-peter karl-werner karl-wilhelm
karlheinz karlie karlo karly karlína karmen karolien karoliina karoline karsten karyn kasey kash kasimir
kassandra kassim katariina katelijne katelyn katerine katharine katherina kathie kathinka katie-louise katleen
katriina katrijn katrina katrine katrīna katty katy kauko kavya kaycee kayden kaye kaylee kayleigh
keanu keaton keegan keeley keely keenan kegan keijo keira keisha kelley kellie kelly-anne kelly-marie kelsey
kelton kendra kendrick kenedy kenley kenna kennard kennedy kennet kenney kenth kenyatta kenyon kenza kenzie
kenzo keon kerri kerttu kerwin kevon keyla kezban kezia khloe kiera kieran kiernan kieron kiley kilian killian
kimball kimmo kinley kinsey kinsley kirby kirstie kirstine kirsty kiyoko kizzy kjeld kjersti klaudie
klaus-günter klaus-jürgen klaus-michael klaus-peter klaus-ulrich klaus-werner klavdija klavs klemen klemens
klement knox koenraad kolbeinn koldan kolmar koloman konrad konstanty konstanze koray korbinian kordula korey
korir kornelia kornelija kourtney kriemhild krish krissy kristaps kristel kristens krister kristers kristiane
kristie kristien kristiina kristijan kristiāna kristof kristoffer kristopher krists kristupas kristóf
krisztián krišjānis krištof krystle kryštof ksawery ksenija kullervo kunibert kunigunde kurnia kustaa kutay
květa květoslava kylian kylie kyllikki käthe kürşad kārlis kęstutis lacey ladislau ladislaus ladislava
lafayette laila laimonis lainey lakshmi lalita laly lamarcus lamberto landin landon laney lanita lanny
lara-sophie larkin lars-göran lars-olof lars-åke larue latifah latisha latoya laurance laureen laurens laurenz
laurențiu lauretta laurette laurian lauriane laurie laurine lauris laurita lauryn laurynas lautaro lavelle
laverne lavon lawson lawton layne layton leandra leann leanna leanne leeann leeroy leighton leilani leitha
leland lella lemuel lenin lennard lennert lenora lenore leocadia leokadia leonce leoncio leonel leonhard
leonia leonor leonora leonore leontine leopolda leopoldine leopoldo leoš leroy lesley letitia letiția lettie
letty levie levina leyla-katharina leyre libardo libby libuše lidija lidya liene liesbet liesbeth lieschen
liesel lieselotte lilian liliane lilita lillard lillian lillie lillis lilly lilou lindbergh lindsay lindsey
linsey linton linwood lioba lisandro lisanne lise-lott liselott liselotte lish lissette lissy littleton
livingstone livio liviu liwia lizbeth lizeth lizette lizzy ljubov ljudmila llewellyn lockie lodewijk lodovico
lollie loney lonnie lonny lonzo loraine loreen lorelai lorelei lorena lorenz loretta loretto lorie loring
lorne lotfi louane loui louna lovett lovis lovre lovro lowell lowie loyd luann lubomír lucette luchino lucho
lucienne lucija lucile lucille lucinda lucious lucrecia lucretia lucreția ludger ludivine ludmilla ludolf
ludovico ludvik ludvík luella luigia luigina luisana luitgard luiza lukman lumír lupita luthfi lydie lyle
lyman lyndon lyndsay lyndsey lynsey lynwood lysiane léandre léonce léontine lütfi lýdie lūcija maaria maarit
maartje maaz mabel mable macauley macey maddison maddox maddux madelene madelyn madge madhav madlen maeva
maeve magali magalie magaly magdalene magdolna mahad mahfud mahmood mahsun mahulena maicol maiken maisy
maj-britt majeed majella makau maksymilian malachi malachy malcom malene malika malissa mallory malthe malvin
malvina malwina mamen mamun manley mannie manole mansfield manuelita manya marceline marcell marcella marcelle
marcello marcellus marcu marcy mardell mareike mareile mareks marella marey margarete margaretha margarethe
margery margie margita margitta margreth margrethe margueritte maria-luise maria-theresia mariah mariane
marianela mariangela mariann marianne maribel maricruz marie-ange marie-claude marie-françoise marie-louise
marie-madeleine marie-noëlle marie-paule marie-rose marie-sophie mariechen mariel marielle marieluise marietta
mariette marijan marijana marijke marijn marilena marilla mariluz marinette marinus marioara marise marisela
marisol marissa maristela maritta maritza marja-leena marja-liisa marjaana marjana marjeta marjo marjorie
marjory marjukka marjut markel marketta marland marlee marleen marlene marlies marlis marlo marlon marlène
marnix marsha marsudi martani marthe martta martti marty martyn martynas maruša marwa maryann maryanne marylin
maryline marylène maryse maryvonne massiel massimiliano massinissa matea matej matevž matheo mathew mathews
mathias mathijs mathilda mathis mathys mathéo mathías matija matilde matjaž matouš mattea matthijs matthäus
matyáš matěj matīss mauno maureen mauricette maurilio maurin mauritz maurus maury maurycy maxence maxie
maximiano maximilien maximillian maximino maxine maybelle maynard mayra maysa mayte maëlle maëlys maëva
mcarthur mckenna mckenzie mckinley meagan meaghan mechthild mechtild medard megha meghan mehmed meike meinolf
meinrad melanie melchor melichar melinda melitta mellie melony melville melvina melvyn menachem mendy merche
meredith merete merethe meriem merijn merlyn merrill merritt merton mervi mervin mervyn merwin miah micael
micaela michaele michail micheal michela michelangelo micheletto michelina michell mickael mickaël mickie
mieke mieszko miha mihael mihnea miia miika mikaela mikayla mikołaj milburn mildred miley milford millard
millicent milly miloslav miloslava milton miluše mindy minnie minoru miran miray mirco mirdza mireia mirela
mireya mirian mirjami miroslava mirtha mirthe misael mischa mitchel mitzi miłosz modris mohand mohini mojca
mojmír monalisa monroe monserrat montel moriah mortimer morton mouloud mourad muhammet mulyono murdock muriel
murielle murilo murray murry musila mustapha mustofa myla myriam myrna myron myrthe mátyás mégane mélanie
mădălin nabeel nabila nadeschda nadeshda nadège naděžda naeem naglis nahuel naiara najib nanette nanni nash
nassim nastja natalija natalio natalja nataly natanael natascha natasja natasza nath nathanael nathanaël
natālija nayara nayeli nazaret nazario neal nechifor necmettin nedas nedda nedjma needham neely neftalí
nehemiah nejc nellie nels nerea nerijus neringa nettie nevenka neville nevio newell newman nicanor nichifor
nichol nichole nicki nicklas nicklaus nickolas nicoară nicodemus nicodim nicolai nicolaie nicolaj nicolaus
nicoline nicolle nicu niculina nicușor nidhi nieves nihad niilo niina nikhil nikko niklaus nikodem nikolajs
nikolett nikolina nikša nilda nile nilufar ninetta nixon niyazi noelle noirin nojus noman noora noortje norah
norberto noreen normunds norton norval norwood noud noémie noëlla noëlle nuala nurbanu nurcan nurullah nyah
nydia nynke nándor nélida oakley octav octavian octavius oddgeir oddie oddleif odell odette odile ogden oiva
olalla olavi oldřich olegario olgierd oline olivie olivija oliwer oliwier olov omran oney onie onofre oona
ophelia ophélie orazio oreste orland orren orrin orsolya orson ortrud ortwin orval orvar orvokki osborn oskari
oskars ossian ossie osvald osvaldo osvalds oswald oswaldo oswin otakar otay otfried othmar otho otilia otis
otmar ottavio ottfried ottmar ottokar otávio otília otýlie oussama ovid ovidio oxana ozzie oļģerts paavo paige
paoletta paraschiva parman parrish parvez pasqual patric patricie patricija paul-gerhard paul-heinz paule
pauli pauliina paulius pauls pavla pavlína pawan paxton pearce pearla pearle pearse pekkan pelayo pepijn
per-erik percival percy pernilla perri perrine petras petrică petrona petronila petruț petteri peyton philemon
philippa phillis philomena phineas phyllis pierangelo piergiorgio pierina pierluigi pierpaolo pierre-yves
piersanti pieter-jan piia pinkney pirkko pirmin pleun pleșu plinio plummer polly pompeo pompiliu pomponio
pontus portia posey povilas prabowo prasetya prasetyo prentiss presley preston prisca priska prudencio pryor
puccio purwanto päivikki přemysl qamar quincy quinten quinton quinty qutb rachael rachelle rachid radhika
raditya radomír radoslav radoslava radosław radovan radvilė radúz raees raekwon rafaela rafaella raffael
raffaela raffaello rafn raghav ragnar raheel raheem raiden raihan raija raili raimo raimondo raimonds raimund
raissa raivis raksha raleigh ralf-dieter ralf-peter ramil raminta ramunė ramzi ramūnas ranbir randell randle
randolf randolph ranieri rannveig raoul raphaela raphaëlle rasheed rashida rashidi rasma rastislav ratih rauno
rayburn raymon raymonde raymund raymundo rayne reagan rebecka rebekah reece reese regitze reidun reilly reimar
reimer reimund reinald reinhardt reinhart reinhild reinis rejane remus remy renaat renae renaud rendy renee
rennie renzo renée reuben reyes reynald reynold rhett rhian rhianna rhoda rhona rhonda ricarda ricciotti
richie richmond ricki rickie rigoberto rihards riikka rikard rilla rimantė ritchie ričardas ričards robertas
robyn rochus roddy roderich rodger rodgers rodolphe rodrick roeland roksana rolandas rolande rolands roldán
rolf-dieter rolf-peter rollie rollin romie romina romuald romualdas romy ronja ronni ronnie ronny roosevelt
rory rosa-maria rosalba rosalinda rosalinde rosalyn rosamond rosanne rosaria rosaura roscoe rose-marie
roseanna roseanne rosel roseline rosella roselyne rosena rosendo rosey roslyn rosmarie rossie rostislav
roswell roswitha rotraud rouven rowland roxane roxanne roxie roxy rozalia rozália rudolph ruel rufino ruggero
ruggiero rugilė ruperta rutha ruthe ruthie ryder rylan ryland rytis rémy rómulo rüdiger răzvan růžena saara
sabas sadiq safia salima sallie salomea sammie sampson samsul sandie sandis sandu sanford sanni santeri
sarah-jane sarah-louise sarmīte sascha satya saulius saverio savion schley schuyler scottie seamus sean-paul
sebastiaan sebastijan sebastjan segismundo seija selmer selçuk sergej sergiu sergius seth setya sevdi severin
severine seward seyhan seymour shae shafter shaina shakira shane shania shanice shanna shannan shannen
shaquille sharlene sharman sharron shaun shauna shawn shawna shawnee shayla shayna shayne shea sheamus sheena
sheilla shelby sheldon shelia shellie shelton shep sheree sheridan sherman sheron sherri sherrie sherrill
sherwin sherwood sheryl sheyla shiloh shivani shonda siddharth siegbert sieglinde siegmar siegmund sigbert
sigfrid sigfrido sigfried sigismund sigmar sigmunda sigri sigurd sigvard silje silli silvana silvestro silvian
silvija silviu simas simen simina simion simonas simonetta simonne sinikka sintija sirje sirkka sirpa sixten
sixto skaidrīte slavko slavomír slavomíra sloane smaranda snježana snorri sofiane solveig solvita sonja sonji
sophie-louise sophie-marie sophy soraia soraya souad soufiane souma spartakus spenser spurgeon srečko stacey
staci stacy staffan stafford stancu stanislaus stanislava stanko stanton stasia staņislavs stefaan stefani
steffen steinar steini steinmann stephani stephany stephenie stephon stine suellen suleiman sullivan sumner
sunay suphi susann susanna susannah sussie suzann suzanna suzie suzy svante svatopluk svatoslav sven-erik
sven-olof svenja svenning sverre svätopluk swantje swen swetlana syahrini sybille syed sylke sylvaine sylvania
sylvio synnøve szabolcs séverin séverine sönke sümeyye tabatha tabitha tadas tadej tadeja tadeo tadeáš tajus
talmadge tamera tamie tamika tamra tandy tanguy tanpınar tanır tapio tarancı taryn tasha tassilo tatjana
tatsuo tatum taufan tauno tautvydas tayla tayler teagan teena tegan teija tella tellervo telmo temistocle
tenzin teobaldo teodor teodoro teodors teofil terese teresia teresita tereza terezija terhi terrell terrill
terttu teréz terézia tessie teun teuvo tevin tezcan teófila teófilo thaddeus thaddäus thea theda thelma
theobald theodoor theodor theodora theodore theodoro theophil therese theresia therman theron therése thibaud
thibaut thies thijmen thijn thilo thom thoralf thorben thore thornton thorwald thos thure thurlow thurman
thurston théa théodore théophile thérèse tiberiu tibo tiera tiffani tiiu tijl tijmen tijn tijs tillman
tillmann tilmann timm timmy timothée tineke tinie tirza tivadar tiziana tiziano todd toivo tomaž toney tonguç
tonino tonje tonny tonya topias toralf torben torbjörn torbjørn torey torill torrance torrey tracey tracie
tracy traudel traudl traugott trayvon treacy tremaine tremayne trenton trevin triona trisha tristana troels
trudie truman tuija tulia tunahan tuomo turgut tuukka tuulia tuulikki tuğçe twan tygo tymon tymoteusz tyree
tyreese tyreke tyrell tyrese tyron tyrus tyson tümer ubaldo ubaydullah uberto uldis ulises ulla-britt ullrich
ulrica ulrik ulrika uludağ ulysses uolevi uriah uriel uroš urška uschi valberg valdemar valdis valentim
valerija valeriu valero valeska valter valtteri vanesa vanya vashti vasilica vasilică vasyl vaughn vedat
vedran veera vegard veijo vendela vendelín vendula veniamin venice venla verneri vestmar vicenta vickie
victorine viesturs viivi viktors vilberg vilgot vilhelm vilhelmiina vilhelmina vilho viliam vilius viljami
viljem viljo vilmar vilmer vilmos vilém vincenc vincenza viney vinicio vinicius vinson vinton vinzenz vinícius
violetta viridiana visarion visvaldis vitalija viveka viviana vivianne vivien vivienne vjekoslav vladimíra
vladislavs vlado vlaicu vlasta vlastimil voicu voldemārs volkhard volney vratislav vuokko väinö vítězslav
waheed walburga waldemar walentina wallace walli walton waltraut waluyo wannes warda wardell wassim waverly
wawan wayman webster weena weldon welton wenceslao wenche wencke wendelin wendell wendi wenke wenzel wesley
wess wessel westley whitley wibke widya wieland wigbert wilbert wilbur wilburn wilda wiley wilford wilfred
wilfredo wilfrid wilfrido wilfried wilhelmine wilhelmus wiliam wilkie willam willard willibald willis willum
wilman wilmar wilton wiltrud winfield winifred winnie winona winthrop winton wisnu witold wladimir woldemar
wolf-dieter wolf-dietrich wolf-rüdiger wolfhard woodie woodrow woodson worley wyatt wycliffe wylie wyman
xanana xander xaver xena ximena xiomara yacine yadira yago yahia yahya yaiza yancy yandel yanet yanick yann
yannic yannick yannik yannis yasir yassin yassine yağın yesenia ylenia yoan yoann yoel yohan yolande yoshio
youcef younes youri yrjö yunis yunita yuridia yussuf yuvraj yvan yvette yvon zacharia zachariah zacharie
zaharia zaheer zalán zandra zaria zaur zayd zbyněk zdenko zdislava zdravko zebulon zechariah zeferino zelda
zeljko zella zenobia zenta ziggy zikmund zoey zoila zoraida zorka zsanett zsigmond zsófia zulema zulma zvonko
ágatha árpád ásgeir çağdan çağlar édith édouard éléonore émile étienne íñigo özay özbay özdil öztürk özyurt
øystein ünal ādolfs ąžuolas ēvalds ľubomír ľubomíra ľudovít şahinbey şemsettin şeyda šarūnas štěpán štěpánka
žanis željko žemyna žigmund žofie žygimantas
"""

_SURNAME_MORE = """
aadam aalto aamir aarts aasen abascal abatantuono abbott abdou abdulla abdullahi abella abellán abernathy
abiola abou aboukir abrahamsen abrahamsson abramović abreu aburto accardo acharya achleitner achour adame
adamec adamová adamson adebisi adinolfi adkins adolfsson adolph adriaansen agazzi agnew agostinelli aguayo
agudelo aguilera aguiló agustí ahearn ahern ahlberg ahlgren ahlin ahlqvist ahlström ahokas ahola airaksinen
aitken ajello akdeniz akçay alanko alarcón alatalo alberdi albertini alberto albuquerque alcaraz alcolea
aldridge alemany alexandersson alfaro alfredsson alighieri allain allard allis allison almansa almanza almazán
almgren almonacid almonte almqvist aloisio aloo altamirano altmann alve amaldi amann amaya ambani ambrožič
ameur ammaniti ammann amoa amorim ampuero amrouche amundsen anastasi anaya anciaux anderberg anderl andrade
andreasen andreasson andreotti andreozzi andresen andreu andries angerer anglada anguiano anguillara
anguissola anguita antalová anthony antikainen antoine antonacci antonello antonetti antonini antonioni
antonić antonsen antonsson antonucci anttila anttonen antúnez apine aracena aramburu arancibia araneda arango
aravena archambault archuleta ardila arendt arens arevalo ariosto armellini armendáriz armengol armenta arnaiz
arnesen arnott arnould aronsson arranz arregui arreola arriaga arriagada arrieta arsenault arteaga artigas
aryan aránguiz arévalo aschauer ashe ashley ashman ashton asikainen asplund asselin astete astudillo atchison
atienza atkins attia aubry audet augustsson aulenti aumann autio auvinen auziņa auziņš avendaño avery avotiņa
avotiņš ayaan ayers ayllón aylward aznar bachler backlund badilla badoer badoglio baeten baez baeza baghdadi
baglioni bahamonde bahl bailly baird bakos balaguer balakrishnan balbi baldauf balderas baldwin ballard
ballester balode balotelli baltiņš balážová bandello bannon banville banzer barad barahona barajas barbarigo
barberini barbey barbora barents baresi barišić barlow barnaba baroková barozzi barraza barrientos barría
barsanti bartels barthel barthelemy bartl bartley bartoletti bartoli bartolomé bartošová barzini bascuñán
bashir bassett bastidas bastin batlle battisti batz baudry baumbach baumgartner bauwens bazzi bañuelos beale
beasley beattie beatty beauchamp beaudoin beaudry beaulieu beauregard beccaria bech becht beckers beckmann
bednárik bednářová bedoya beeckman beekman beggs begley behan beissel bekaert belda belhadj bellemans belmar
belmonte belton benavent benavente benavídez bencheikh benešová benitez benson benton benussi benz benítez
beranová berchtold berends berenguer beresford bergant bergdahl bergin bergoglio bergstrand bergvall berkane
bernad bernal bernardová bernasconi bernhard bernie bernier bernini berntsen berntsson berríos bertels
bertelsen berthelot berthold bertilsson bertin bertoli bertolucci bertoni bertrán bervoets beránková besançon
besnard betancur bettoni bevan beyer bezemer beňová bhagat bhandari bhardwaj bhargava bhatti biagi biagiotti
bianchini bichler bijelić bijlsma bilodeau binaghi birkeland bisson bittner bixio bizjak blackburn blackwell
blais blaise blanchette blanes blankenship blasco blažej blažič blažková blevins bloch blomgren blomkvist
blouin blázquez blümel boada bobadilla boban boccaccio boccioni bocelli bodart bodson boechat boezio bogaert
bogaerts bogner bohlin bohórquez boisvert boito boivin boix bojanić bolander bolaños bolger bompiani bonanno
bonatti bonaventura bongiorno bonneau bonolis bonomo boonen borah borges borgström borissov borman borrell
borromeo borromini borroni bosmans bosshard bossuyt boström botello botham bottaro botticelli boualem bouchard
bouchareb bouchet bouckaert boudiaf boudreau boulay boumediene bourke bourquin bousquet boutin bouzid bovy
bowe bowen bowles boyce bracke bradshaw brady bragadin bragaglia brahimi brajković brancaccio branciforte
brandl brandner brandstetter branković breitenberg breuer breznik briand briede briones briseño brisson
broberg broderick brodin brody broeckx broekhoven brolin brookes brophy brosius brosnan browne brožová
bruckner bruggeman brugger brugman brugnaro bruneau brunelleschi bruton bruun bryson brännström buchanan
buchberger buchinger buchner buelens buendía buijs buitrago bulzoni burbano burcardo burch bureš burešová
burgstaller burnett burrell buscetta busoni busquets bustamante buyse buysse bylund byrnes byström báez
bártová bähr bédard bélisle bérubé bílková böhler börjesson büchel bühler bērziņa cabanillas cabezas caboto
cabrini cadorna caetani caffarelli caffrey cagney cahill calatayud calhoun callaghan callahan callebaut
callegari callens cally calvet camacho camargo camarillo cambier cameron campoy canales canavan cancino candia
cantrell cantwell capdevila capecchi caraballo caracciolo carbajal carballo carbonell cardozo carducci
carfagna carlberg carleton carley carlier carlsen carlsson carmody carney carocci carolan carosone carpentier
carragher carrigan carson carthy carty carville casadei casagrande casaleggio casals casanovas casarin
casellati casey cashman casillas cassiano cassidy cassin castejón castell castellanos castellitto castells
castrillo castrillón cattin caudron cauley caulfield caune cavalcante cavalcanti cavazos cawley cazares
cazorla cañizares ceballos cedillo celentano celma celmiņš ceravolo cerutti cervera cesaroni ceulemans chamane
champlin chaney chang chappuis chapuis charbonneau charest charette charlier charlton chartier chartrand
chaudhuri chauveau chauvet chavarría chevalley chevallier chiaramonte ching chinnici chomba chopard choudhury
chouinard christoffersen chudík cibulová cilea cimarosa cimini cintrón cirino claassen claesen claessens
clancy classon clayton clemens clooney coady coakley cobb cobos cochran cody coene coenen coffey coigny colfer
colgan collao collen collignon collis colman colom colomer colpaert colson colum colunga comencini comman
comolli conesa conlan conley conlon connell connelly connery connor connors conrad conradi conroy contarini
coogan cooke cooley cooney copeland corbett corbo corcoran corley cormack cornelisse cornelissen cornelisz
corominas corradi corrigan corvalán corwin cosgrove cossiga costanzi costello costigan coughlan coulombe
coulon courtenay courtney coutts covarrubias cowan cowen cowley coyle coyne cragg crawley cremonesi cresswell
crispi cristoforetti crona cronin crosbie crosby croteau crotty crowe crowley cruickshank cubillos cuellar
cuevas cullinan cummings cummins curley curran currie curtin cusack cusano cuvelier cuypers cuéllar cvetković
cánovas cīrule d'arcy d'hondt daamin daems dahlberg dahlgren dahlqvist dahlström dahlén dahm daigle dalal
dallaire dallapé dallinger dalmau dalziel damjanović danaher danielsen daoud dardenne daugherty davey davids
davidsson davison dayal daňková deane deasy deceuninck deckers declerck deconinck decoster deegan deeley
deeney deere degryse dehmel delahaye delaney delannoy delattre delcourt delcroix deledda deleon deleu delfosse
delgadillo delisle delmas delmotte delorme delporte delvaux deman demirel demoulin dempsey demuth demšar
denison dennehy denning depero dermott derycke desai desbiens descamps deschamps deschênes desjardins desmond
desrochers deutschmann devaney devaux devereux deville devillers devitt devlin devolder devriendt dewaele dhar
dhondt diaconescu diallo dickerson dickson didier diederich dierick dierickx dietl dietz dieudonné diggin
dignan dillon dinan dineen dippel dirksen diéguez dobbins dobrić dobšinská dockx dodson doherty dolenc dolinar
dolinšek domingues doménech donegan donini donnan donnay donnell donoghue donohue doody doohan dooley doran
dornan dorner dorsey dossetti dostálová dowling downes downey dragojević draxler drennan drewes drouin droz
drumm drummond drysdale dube dubuisson dubuque dubé duchesne duchêne dudík duez duffin duffy duguay duhamel
dujardin dukić dumortier dumoulin dunford dunlap dunleavy dunphy dupré dupuy duquesne durdu durdík durieux
durkan durkin durning dussart duvivier dušek dušková dvorská dwyer dávila döring earle eberhard eberhardt
eberl eberle eberth echevarría ecker edberg edlinger edlund edman edström edvardsen edvardsson edwin eeckhout
eftimie egan eglinton eglīte ehlert eibl eichenberger eichhorn eichinger eichmann einaudi eisner ekberg ekdahl
ekelund ekholm eklöf ekman ekstrand ekström elgueta eliassen elijah elizondo ellery ellingsen elliot ellison
elofsson eloranta elorza elsen elwood emanuelli emanuelsson emilsson engberg engdahl englund engman engvall
enright enríquez enzinger erazo erber erdman ergül erhart erickson ericson erjavec erkkilä erlacher erlandsson
erler eronen errani ertaş ertl eržen escobedo eskelinen eskola espinoza esquivel esteban esteves estevez
estévez etienne etzler eustace evensen everaert everett everts evrard ewart ewen ewing fabiánová fabra
fabregat fabrizi fabry fagerström faivre falier falkner fallon falloppio fankhauser fannin fantoni fantozzi
fanucci farah faranda farell farida farinelli farley farrelly farren faulkner favre fearon fechner federici
feely feeney feenstra feeny fehr feichtinger feigl feijoo felber felder feliciano feliu fellner feltz fennell
fergus ferland ferragamo ferragni ferran ferrand ferraris ferrell ferreyra ferrucci ferrán ferrándiz ferstl
ficino fiebig fieramosca figueras figueroa figuerola filangieri filipek filipič filipović filipová fillion
filzi filípek finan findlay finetti finková finlay finley finnegan finnerty finucane finzi fioravanti
firmansyah fischbach fittipaldi fitzgibbon fitzmaurice fitzsimmons fitzsimons fišerová fjodorov flaherty
flaiano flament flannery fleischhacker fleischmann fleury flinn florio flórez flückiger fogarty folch
folkesson folliero fonck foody foote forgáč forjan fornaciari forsgren forslund forstner forsyth fortier
fortuyn foscari foucart foucher fouquet foyle fracci franceschi franch franck frandsen franková fransen
franzen franzese franzén frawley frederick fredriksen frerichs freudenberger friberg frick friederich friedl
friel fritsch froschauer fréchette fröschl ftáčnik fuentealba fuenzalida fuertes fuhrmann fulton furlan
furness furrer fuster fyfe fábregas fülöp fırat gabba gabrieli gabrielsson gaete gaffney gagliano gagnon gahan
gailius gaižauskas gajardo galarza galaz galdames galdikas galeano galiano galiazzo galilei galland gallegos
gallet galuppi galvin galvis ganesh gangemi gangl gannon gaona gardiner gargan garibay garozzo garrone garry
gaspard gasperi gassner gately gatica gaudin gaudreault gaughan gavin gaviria gaylord gaytán gašparovič geens
geisler geißler gelabert gendron gentileschi gentilini geoghegan georges gerrits gerritse gertz gervais
gevaert geyer gharbi gheorghiu ghislain ghose giacconi giacometti giannelli giannetti giannone giannotti
giannuzzi gibb gibert gibney gielen gifford giguère gilabert gilardoni gilchrist giles gillan gillard gilles
gillespie gillet gillies gilligan gilliland gillis gilroy gimeno giner ginesio gingras giolitti giorgetti
giralt giroux girvan gisbert gislason giulietti glatz gleason gleeson glennon glynn gobert godard godart
goddard godefroid godfrey godínez goedhart goethals goff goffin goicoechea golding goldoni golgi golino gomis
gonzalo gopal gorenc gorey gorham goris gorjup gorman gosselin gosset goswami gottardi gotthard gould goulding
goyette gozzi grabner gradenigo grahams granath granberg grandjean granström grassl grattan gratz gratzer
greely gregersen gregoire gregori gregorio gregorič gregorová greguš greig greiner griesser griffith grijalva
grimani grinius gritti groenendaal grogan groote grosjean grégoire grönroos grünberger grünwald guajardo
gualandi guarneri gucci gudelj guevara guggenberger guglielmi guha guibert guicciardini guichard guidotti
guilbert guilfoyle guillen guillet guillén guinan guiney guiot gulan gulati gulbrandsen gullotta gulotta
gustavsson gustin guthrie gutknecht gwynn gyasi gálová gámez gárate gélinas göransson haack haapala haapanen
haapaniemi haataja haavisto haberl hackett hackl haderer hadfield hadjadj hadžić hafner hagberg haggerty
haglund hagman hagström haiden haidinger haindl hakala hakkarainen haley halimah haller hallgren halloran
halpin halvarsson hames hamill hammadi hammerl hammes hamon hanak hanbury handayani haney hanley hanlon
hannigan hannon hannula hanrahan hanssen hanssens hanus hanzel hanáková haraldsson hardin harkin harkins
harnett harrer harrington hartigan hartikainen hartl hartman hartnett harty haryanto hasanah haslauer hasler
haslinger hatfield hattinger hatton haughey hautala hautamäki havel haverinen havlíček hawe haščák healey
heaney hearn hearne heathcote hebenstreit hebert hecker hedberg hedin hedlund hedman hedström heeb heenan
heere heerkens heerschop heffernan heffron heidenreich heidrich heigl heijmans heindl heintz heintze heinzl
heiskanen helenius helgesson hellberg hellgren hellman hellström hellwig helminen henao hendrick hendricks
hendrickx hendrikse hendry henin hennessey henningsson henrion henríquez henschel hensley henson hentschel
hepburn heredia hermansen hermosilla hernandes hernando herranz hervás hessel hettinger hettner hewitt hewson
heydrich heymans heyne hickman hietala hietanen higueras hilary hilger hillen hiller hilliard hilmer hilpert
hilti hilton hines hinterberger hinteregger hinton hirschmann hirvonen hjalmarsson hlaváčová hliníková hoarau
hocine hodel hodge hodson hoey hofbauer hofman hofmeister hofstetter hofstätter hokkanen holappa holgersson
holguín hollins holmgren holmqvist holmström holopainen holubec holubová holzapfel holzinger holzknecht
holzmann holíková honkanen horrocks horáčková hoskins hotz houben houde houlihan howarth howe howells howley
hoyos hozová hrabar hranić hribar hribernik hrovat hubmann huddleston hudson hudáček huemer huertas huguet
huhtala hultgren hultman humbert humphrey humphries hunziker huotari huovinen hussey hutchison hutta hutter
hutterer hutton huttunen huuskonen huybrechts huyghe huys huysmans hušek hyatt hyman hynes hyttinen hytönen
hyvärinen hyvönen hájková hägglund häggström häkkinen hämmerle hänel hänninen härkönen häusler hébert hödl
höfler högberg höglund hölzl hörl hörmann hürlimann hütter iannelli iannucci iannuzzi iborra ihab ihalainen
imbert immonen imrich inglis ingvarsson inzaghi irawan iriarte irvine irving irwin isaksen isella israelsson
issa issac ivanović ivarsson ivers izaguirre iñiguez jaakkola jaatinen jacobson jacobsson jacoby jacquemin
jadot jaime jaimes jakobson jakovlev jakovljević jakuba jakubec jakubek jakubčík jalonen jamaal jameel jameson
jamieson jamile jandl janečková janežič janisch janko janková janová janošek janse janák janíková janča
jaramillo jarc jaroš jauhiainen jaume jaunzems jefferies jehle jelić jelínková jenko jenssen jeppesen jeppsson
jepsen jerič jerković jespersen jessel ježková jiles jobe jochems jockel jofré johann johannesson johanson
johnsson johnstone jokela jonasson jonckheere joos joosten jorquera joshua josipović joubert jourdan jover
jović joyce joye judd jukić julliard juncker jungwirth juntunen jurišić jurko jurkovič jurčo jussila juvonen
jáuregui jäntti järvelä järvi jääskeläinen jódar jüttner kaddour kadlecová kahr kaikkonen kaindl kainulainen
kainz kalita kaliňák kallio kalniņa kaltenbrunner kaltenegger kalvaitis kalēja kamran kanerva kantola kapeller
kappel karadeniz karels karhu karhunen karlberg karlström karppinen karrer karttunen karvinen karvonen kashyap
kassim kastelic kastner katić kauffmann kaufman kauliņa kauliņš kauppila kauppinen kaučič kašparová kearney
kearns keegan keeley keely keenan keeney kehoe keijser keijzer keinänen keith kelleher kelo kemmer kemppainen
kenna kennelly kenny keown kerkhofs kerley kernan kerrigan kerschbaumer keränen keskinen keskitalo kessler
kettunen keyes khaled khalsa khamis khosla kidd kieffer kiely kieran kiernan kiis kilbride killeen kilmore
kilpeläinen kilroy kinnear kinney kirschner kirwa kirwan kitson kivelä kivimäki kiviniemi kivistö kjeldsen
kjellberg kjær klarić klasson klausner klemenčič klimek klingler kližan kloiber knox knutsson kobal kobelt
kocjančič koeman koenig kofler kogler kohn kohnen koistinen koivisto koivula koivunen kokalj kokko kokkonen
kolarič kolehmainen kolenc kolesárová kollár kolster kolářová komulainen konečná konrad konrád konttinen
kopecká koponen korol korošec korpela kortelainen korčák kosanović koskela kosonen kothari kotkas koubová
kovalčík kovanen kovářová kozma kozáková kočevar kočko koželj krack krainer krajnc krajčo krajčovič krall
kramberger kranjc krantz krastiņa krastiņš kratochvílová kraushaar krausová kreidl kreiner kremser krenn krier
krieviņš krish krishna kristensson kristiansson kristoffersen kristoffersson krištof kronberger králová
kráľová krížová kröll krēsliņš krūmiņa kubec kubko kubová kubíková kubíček kubíčková kuffa kuhlman kuisma
kujala kujundžić kulmala kumpulainen kunen kuosmanen kurian kuronen kusch kutch kuusela kuusisto kušnír
kyllönen kähkönen kämäräinen kärki kärkkäinen kössler kühnert kārkliņa kārkliņš kısakürek kļaviņa kļaviņš
křížová laakkonen laakso laaksonen labadie labrecque lacey lachance lachapelle lachmann lackner lacko lacombe
ladner laenen lafferty laflamme lafleur lafontaine lagarde lahaye laiho laimer lajčák laliberté lallemand
lally lalonde lalor lambers lambrecht lambrechts lammens lamontagne lamoureux lampert lampinen lamprecht lamy
landin landl landon-lane landry landy lanfranchi langlois lankinen lansink lantz lanz lapierre laplante
lapointe laporte lappalainen lardner largan larivière larkin laroche larocque larose larouche larrea lassila
lassnig lattuada latvala laukkanen launay laureano lauridsen laurila lauritsen lauwers lauzon lavallée lavelle
laverty lavery lavigne lavoie lavrič lawal lawlor lazcano leahy leary lebeau leblanc lebon lebreton lebrun
lecocq leconte lecoq leddy lederer ledesma ledoux leduc leeb leffler lefort legault legrain legros lehikoinen
lehtimäki lehto lehtola leitgeb lejeune leland leleu leleux lelièvre leloup lemay lemaître lemieux lemonnier
lempereur lenaerts lennartsson lenoir lentz leonardi leoncavallo leonetti lepage lepistö leppänen lerch lerner
lesage lesjak leskinen leskovar lessard letelier letellier letová lettner levan leyden leysen leyton leyva
liddy lidström liekens liepiņa lievens liguori liimatainen liljegren lillis lindahl lindblad lindblom lindell
lindfors lindh lindholm lindinger lindkvist lindmark lindquist lindroos lindsey lindskog lindvall linehan
linton lippens lipponen lipták liptáková lisická littizzetto liukkonen livingston liénard ljubičić ljungberg
ljungqvist lledó llobet llopis llorens lloret lluch loaiza loera loftus loginov loibl loiseau lollobrigida
lonergan longoria lorch loredan loughlin lovett loyola lozada lucey luciani ludovisi luján lukin lukáč
lukáčová lumbreras lundblad lundell lundh lundholm lundkvist lundmark lundquist luoma lupták lussier lussu
lustenberger luukkonen luyckx luyten lučić lydon lyons lähteenmäki létourneau lévêque lüscher macauley
macbride macdonnell macdougall macdowell macháček macháčková mackenna mackey macková maclean macmillan
macnamara macneill macpherson madariaga maddock maddy madej maderna madiba madigan maertens maffei magee
maggioli magill magnani maguire mahajan maharaj mahieu mahmood mahony maidana maierhofer majeed majstorović
makau makhlouf makkonen malacarne malaparte malatesta maldonado malherbe malinga malipiero malley mallon
malmgren malmqvist malmström malpighi manacorda manderscheid manjón manley mannion mannix mannoia manole
manrique manríquez mansell mansfield mansilla mansur mansveld mantegna manzini manzoni maquet marambio
marangoni marazzi marcinko marcoux mardones mareček marešová margita marinetti marinović marjanović markey
markham markkanen markl marklund marolt marquet marrero martikainen martineau martinka martinková martinović
martinson martinsson martić martorell marttinen martucci marty martyn marušić marvin marwa marxer marzorati
masaryk mascagni mascareñas mascheroni masha maspero massart massey massin masterson matamala mateos matheson
mathews mathias mathiesen mathis mathisen mathy matijević matikainen matilainen matković matoušek matoušková
mattarella matteotti matthijs matthys matthäi maturana matějka maury mayerhofer maynard mayol mayrhofer
mazzacurati mazzanti mazzini mazzocchi maďarič mašek mcadams mcalister mcandrew mcardle mcauley mccafferty
mccaffrey mccall mccallum mccann mccarron mccarty mccaul mccauley mccausland mcclain mcclean mcclelland
mccloskey mcclure mccluskey mccoll mcconnell mccool mccourt mccracken mccrea mccready mccrory mccullough
mccurdy mccusker mcdade mcdermott mcdevitt mcdonagh mcdowall mcdowell mcelroy mcevoy mcewen mcfadden mcfall
mcfarland mcfarlane mcgann mcgarry mcgee mcgill mcginley mcginty mcglynn mcgoldrick mcgovern mcgregor mcguigan
mcguinness mcguire mcgurk mchale mchenry mchugh mcilroy mcinerney mcinnes mcintosh mckay mckeever mckelvey
mckenna mckeon mckeown mckinley mckinnon mcknight mclachlan mcleod mcmanus mcmaster mcmillan mcmullen mcmurray
mcnabb mcnally mcnamee mcnaughton mcneill mcnulty mcpherson mcquade mcquaid mcqueen mcshane mctiernan mcveigh
meads meaghan meagher mears medrano medvecká medvecký meehan meersman meeus meeusen meindl meixner mejías
melander melendez melichar melicharová melicher melichárek melville melvin meléndez memon menchaca mendizábal
mendonça menendez meneses mennea mentzel menéndez menšík menšíková mercalli merckx meredith meriläinen merkx
merritt mersch mertz merz mestdagh mettler metzler meucci meurisse meusburger meyers meziane mečiar micca
michalík michaud michaux michelangeli micheletti michels michelson mihaljević mihelič mihić mihálik mikk
mikkola mikkonen miklavčič mikloško mikulík mikuš miletić miley miličić millard millican milligan millán milne
milroy miltenburg minogue miralles miramontes mireles missoni mistrík mitter mitterer mitterlehner mišković
mišík mlakar moberg moccia modiano modigliani moens moerman moffatt mogensen mogherini mohammed mohan moilanen
moisio mojica mojžiš moliner molins molitor molyneux monahan mondadori mondaini monfort monicelli monnier
mononen monroy monsalve montague montalbán montalcini montalvo montandon montanelli montañez montecchi
montemayor montesano montesinos moosbrugger moraes moraleda morand morandini morante moravcová moravec
moravčík moravčíková morgagni moriarty moric morlacchi morley morosini morová morpurgo morricone morrissey
mortati mortimer morton morvan mosley motha moulay moureau moussaoui moyano moyer moylan moynihan mrázka
mrázková muchová muhia muhonen muhr muldoon mulgrave mulgrew mullaney mullen mullin mullins mulvey mulyani
munari munguía munro munroe munshi murri murtagh musatti musila musili musilová mustofa mustonen musy muñiz
myhre myklebust myllymäki mäenpää mälzer männistö määttä mínguez múgica mühlbacher mühlberger müllerová
müllner nabeel nadeau nadeem naeem naessens nainggolan narain narayan narváez nash nasri nath natsir naughton
nausėda navarová navarrete navas navez navrátilová nayak nayar naylor nazario nealon neary nedić needham
negrón neill neilson neirynck nelis nelissen neubauer neugebauer neuhauser neuhold neumayer neumayr neumeister
neuner neureuther neuwirth nevalainen neville nibali nicaise nicholls nicholson nicolay nicoletti nicolini
niederl niemeier niemelä niermann nieves nigam niggli niiranen nijman nijs niklasson nikula niskanen nissinen
nitto nitzsche nixon nizet nogués noonan norberg nordberg nordgren nordin nordio nordlander nordlund nordqvist
norgren noriega norlin norling norton notarbartolo nouri novaes novaro novoa nováková nugent nugroho nurminen
nussbaumer nuutinen nußbaumer nygren nygård nykänen nylander nylund nylén nyman nyssen nálepková näslund næss
nørgaard němcová němeček němečková o'byrne o'carroll o'conner o'donoghue o'dowd o'farrell o'flynn
o'gorman o'halloran o'hanlon o'hanrahan o'hare o'haughey o'hegarty o'hickey o'higgins o'houlihan
o'hurley o'hussey o'kane o'keefe o'loughlin o'mara o'meara o'shaughnessy oberhauser oberhofer obermüller
oberndorfer ocasio ochoa odescalchi odom ofner ohlsson oikarinen oinonen ojanen ojeda oksanen olander olausson
olave olguín olivares oliveras oller ollikainen ollila ollivier olthof olvera omran ondruš ondráš ondrášek
ontiveros oostveen opazo opluštil oprea oquendo orellana orešković orlović ormsby ornelas orozco orrego
ortmann ortner ortolani ortuño osborn oskarsson osorio ospelt ossandón ossola ostermann ottosson ouali ovadia
overeem overgaard oviedo owen oyarzún ozuna paananen paavilainen paavola pabón pacelli pacheco pacomio padberg
paegle paffrath pagliaro paiva pajer pajula pajunen pakarinen palman palmgren palmisano palmqvist palomares
palomäki paltrinieri panatta pandya paniagua panicucci pantoja paoletti paolucci papetti paquin parekh parikh
parisian parkes parkkinen parmitano parri parrish partanen parviainen pasanen pascarella pasman pasolini
pasquier pastine pataki pathak patton pauer paulsson paulus pauly paulík pausini pavanello pavarotti pavelek
pavelić pavelková pavković pavlič pavlo pavlík pavlíková pavlíček pazos peano pearce pedroni pedroza pehkonen
peiffer peiró pekkala pekkarinen pelayo pelikánová pelkonen pellicer peltier peltola peltonen peltoniemi
peláez pennanen pennington penttilä penttinen perales perdomo perelló perera pereyra pergolesi perini perišić
perković perner perreault perret perri perrier perrot pertile pertini peruzzi perälä pesonen peterse petitjean
petrassi petrić petrocelli petruzzi petruška petz peukert peyton pezzali peñalver pešić pešková pfeifer phelps
philbin piacentini piazzi piccinni piccio pickering pierret pierson pieters pietilä pietrangeli piette
pigafetta piggott pignatti pigott piirainen piková pillay pincherle pinder pingle pinilla pininfarina
pirandello pirc pircher pirinen pirker pirnat pisacane pittman pitts pizarro pizzetti piñeiro plath platini
plattner platzer pleše plourde poblete pocius podkonický poerio pogačnik pohjola pokorná poliak polizzi pollet
poláková porras portmann porzio pospíšilová potts potvin poška prabhakar pradhan praet prager prakasa prakash
pranowo prantl prasetya prasetyo pratesi pratiwi preiß prendergast preston primožič pringle pritchard priuli
procter prohaska proulx provencher pruvost prévost pröll pucci puccini pucher puchner puentes pugh puglisi
puhakka puig pujol pulkkinen puntigam puranen purcell purdy puustinen pușcașu pääkkönen pölitz pöllänen pöschl
pühringer pērkona querini querol quevedo quezada quigley quilty quinlan quinny quintanilla quinteros quirke
quiroz quirós quiñones quiñónez raatikainen rabhi rackham rademaker radhakrishnan radović radošević rahal
raheel rahmawati raimondi rajala rajasa rajh rakovan raleigh ramaker ramakrishnan ramazzotti ramesh ramsauer
ramsay randall randolph raney rantala rapisardi rastelli rauhala rauscher rauter rautiainen rautio rawley
raymond raynaud rayner raynor reade reardon rechberger redl reese regnier reichel reichl reichmann reidy
reilly reindl reinert reinhardt reinikainen reinisch reischl reisinger reisner remacle remmel remy rengifo
renson rentería requena resch respighi revilla reyes reynaert reynaud reynders reynoso rhodes riascos ricart
richey richie richmond ricolfi rieder riedl riedler riegler riehl riekstiņa riekstiņš rienzo rieser rigaux
riggs righi riikonen rintala riordan riou rioux ripoll riquelme rissanen ritchie rivard rivero riveros rizzoli
roache roarke robbins roberge roberson robertsson robeson robles roddy rodgers roels roero rogerson rogiers
rohleder rohrer roig rojas rojka rojková roldan roldán rollins rolón romagnoli rombouts romijn romiti ronan
roncalli ronkainen rooney roosen rosell rosemann rosenbaum rosenberger rosengren rosenow rosenqvist rosmini
rosner rosselli rossellini rossini rossiter rossmann rourke rousseaux rousset rowland rowlands rowley rozas
rozman rozītis rožič rožman rubbia rubene rubilar rudolph rudzīte rudzītis ruffini ruggieri ruijs rumora
ruotsalainen rupp ruppert ruuskanen rybáriková rydberg ryder rydén rytkönen ryynänen ryšková räisänen räsänen
räty rémy röhricht rönkkö rössler rønning rüegg saarela saastamoinen saavedra sabater sabatini sabbatini saez
saffi sagredo sahlin sailer sainio sainz saiz sakalauskas sakarya salcido saldías salgari salhi salieri
sallinen salmela salomaa salomonsson salvemini salzer salzmann sammer samosir sampson samra samuelsson
sanabria sanderson sandin sandoz sandvik sanford sanguineti sanhueza sanmartín sansoni santamaria santamaría
santibáñez santillán saoudi sarabia saragat saragih sarsfield satterfield saucedo saulīte saunders savard
savorgnan sayers sbarbaro scalfaro scamarcio scandone scanlan scarfoglio scarlatti scarponi schachinger
schachner schaeffer schaffer schaller schank scharinger schaub schaus scheffers scheiber scheidegger
schellekens scherr scherrer scherzer scheuermann schiaparelli schicchi schilcher schindler schlatter schleich
schlögl schmidinger schmidl schmidtke schmit schnabl schneeberger schnyder schoch schofield scholl scholten
scholtz schoofs schotte schottin schou schramm schrammel schranz schrempf schrenk schuller schumm schuurmans
schwaiger schwartz schweiger schweighofer schweitzer schädler schärer schöller schönauer schönberger schüller
scialpi scully sealy searle sedláková sedláčková seebacher segarra seghers segrè sehgal seidl seiser seitz
seppälä seppänen sepúlveda sergejev sermonti seth seymour sezer sezgin sgarbi shaffer shanahan shand shankar
shanker shanley sharkey sharpe shaughnessy shea sheahan sheedy sheehan sheehy sheeran shehu shepard sheridan
sherman sheth shiel shiels sibilia sieber siegl siegrist siffredi sihvonen sillanpää silveira silvennoinen
simard simbolon simeoni simmonds simola simonen simonis simonič simonová simonsson sinnott sipilä siqueira
sirait sirois sirviö sitorus sjöblom sjödin sjöholm sjölander sjölin sjöstedt skeffington skelly skoog skujiņa
skujiņš slater slattery slavíková slegers slimani sloane slováková smets smyth smythe soderini soininen sokić
solanki solari solheim solimena sollima solorzano sommaruga somogyi somoza sonnleitner sontag sood soranzo
soucy soudani soukup soukupová souma soyinka spenser sperl spillane spruyt sraffa srinivas st-jean st-laurent
st-onge st-pierre stadelmann stadler stafford stahr stalder stancu stangl stanton stapleton starčević
staudacher staudinger staudt stauffer staunton staňková steckel steenbeek stefanelli steffen steffensen stehr
steidl steinacher steinbacher steinbauer steinberger steindl steininger steinmann stejskal stejskalová stelzer
stenberg stenlund stenson stenström stephen stephenson steurer stevenson stiegler stockinger stoiber stoltz
stošić stracke stradivari strasser stratton strazdiņš strickland strnadová strobl strohmeier strömberg stucki
stuivenberg stöckl stöckli stöger suazo suciu suhonen sulzer summerville sundberg sundell sundin sundqvist
sundström suominen suppan sureda suresh susanti sutinen suvorov svahn svanberg svantesson svedberg swamy
swanson swinnen sykes symons syrjälä szekeres sáenz sáez sárközi sæther söderholm söderlund söderman
söderqvist søndergaard sýkorová taboada tafuri taggart taipale tamarit tamayo tamburini tamminen tanghe
tanguay tanguy tanskanen tarantini tarvainen taskinen tavčar tejada tejeda telesio tella temmerman terragni
terrazas terrell terzić tessier teunissen texier thakkar thalhammer thamrin theisen therrien theunis thibaut
thibodeau thielen thies thirion thiry thom thoma thomassen thonon thorens thorpe thorsen thurner thygesen
thériault tiainen tiefenbacher tielemans tiepolo tighe tiihonen tikkanen tillman timonen tinguely tirkkonen
tobler todd togliatti tognazzi toivanen toivonen tolonen tolvanen tomaselli tomasini tomažič tomescu tomeček
tomko tomková tomlinson tománek tomáška tomášková tomášová tomšič toninelli toolin toomey toplak torfs
torlonia tornatore torrens torricelli torstensson toselli touati toumi towne tracey tracy trainor tratnik
trauner traxler traynor treacy treccani trentin trentini trevisani trierweiler troisi trombetta troncoso
trottier trussardi trépanier tsvetkov tully tuohy tuomi tuovinen turcotte turesson turgeon turina turley
turmes turnbull turpeinen turrini tyler tynan tyrrell tähtinen téllez törnqvist tůmová ubaldi ubaydullah
udinesi ullmann ullrich ungaretti unterberger unterweger uotila upton urbanová uriarte urzúa uusitalo uwais
vachon vacková vaes vaessen vaillancourt vainio valachová valadez valcárcel valdez valdés valentová valenzuela
valero valette valguarnera valier valkama valkonen valladares vallejos valles vallet vallés valtonen valíček
vandaele vandecasteele vandenbergh vandenbroucke vandenbussche vandendriessche vandevelde vandewalle vanegas
vanhoutte vanneste varghese vartiainen vasquez vasseur vattimo vaughn vaňková vašková vecellio vegt veilleux
velandia velasquez veltman veltroni velásquez venditti vendrell venegas venier venkatesh venäläinen verbeeck
verbiest verbist verboom verbrugghe vercammen vercauteren verdonck verduzco vergeer verhaegen verhaeghe
verheij verhelst verheyden verheyen verhulst verlinden vermeersch vermeire vermeiren verschueren verstraeten
vervoort vestergaard vesterinen vesterlund vianello viberg vicen vicens vidaković vidic vidmar vidoni
vigorelli viitala viitanen vilches viljanen villagra villagrán villalobos villalonga villalpando villamil
villamizar villarreal villarroel villaseñor villegas villena vinck vincze visconti viswanathan vivanco viveros
viviani vlachová vlašić vlnová vodopivec vogl vogler voinea vojtek vojtka vojtko vojtková voortman voutilainen
vozila vrabcová vranckx vranken vuorela vuori vuorinen vučetić vučković vyas váradi vásquez vávra vávrová
väisänen välimäki väyrynen väänänen véliz vítková vītoliņa vītoliņš wagener wagenknecht wahlberg wahlgren
wahlström wahyuni walch walcher waldner waldron walla waller wallgren walshe walton waluyo wanger wario
wathelet watters waugh wauters wauthier webster wegmann wegscheider wehrli weibel weidinger weigl weimann
weimer weinberger weinhold weisgerber weitzel weldon welf wellens weller weninger wennberg wenzl westberg
westerberg westerburg westerlund westin westlund westman wettstein weyland whalen whitaker whitehouse
whittaker whyte wiberg widmann wiedner wieland wiesinger wiesner wiggins wigman wiklund wiley wilhelm
wilhelmsson wilkerson wilkin wilkins willaert willemsen willms wilmotte wilms wilton winberg windisch winther
wirth wirtz wirz wittmann wolfswinkel wolter woodard woodward woolley wooning wulandari wulff wurzer wyatt
wyman wynne wüthrich yahia yasir ybarra yeboah yego yepes ylinen ylitalo ylönen yoder yost yussuf yuste yáñez
zabaleta zaccagnini zacchia zachar zacharia zachariah zachariáš zaheer zakrajšek zalokar zamudio zanichelli
zaoui zarate zauner zayas zbinden zecchini zechner zedillo zeffirelli zehetner zehnder zeilinger zelaya zelić
zeltiņa zeltiņš zemanová zenteno zenz zepeda zetterberg zettl ziani zichichi zidane ziemann ziemele zijlmans
zimmerman zimová zitouni zollinger zorko zorman zorrilla zrinski zulkarnain zuluaga zuniga zupanc zwijsen
zárate zúbek zúñiga zürcher zālīte zālītis álvaro ávalos åberg åkerlund åkerman åkesson åsberg åslund åström
émond étienne öberg öhman östberg österberg östling östlund östman østergaard ülker ābola āboliņa āboliņš
ćosić čaplovič čarnogurský čechová čermáková černochová černíková česneková čović ďurica ďuriš říhová şensoy
šantić šimko šimková šimonová šinkovec šmajda šmídová štefánik štimac štrukelj štěpánková šulcová švehlová
švábová šváby ťažká žibert žigmund žižek žnidaršič žáková
"""

GIVEN_NAMES: frozenset[str] = frozenset(
    name
    for block in (
        _GIVEN_EN,
        _GIVEN_GA_GD_CY,
        _GIVEN_DE,
        _GIVEN_FR,
        _GIVEN_NL,
        _GIVEN_NORDIC,
        _GIVEN_PL,
        _GIVEN_CS_SK,
        _GIVEN_HU,
        _GIVEN_RO,
        _GIVEN_BG,
        _GIVEN_HR_SR_SL_BS,
        _GIVEN_EL,
        _GIVEN_RU_UK_BE,
        _GIVEN_BALTIC,
        _GIVEN_IT,
        _GIVEN_ES,
        _GIVEN_PT,
        _GIVEN_LATAM,
        _GIVEN_TR_AZ,
        _GIVEN_AR,
        _GIVEN_FA,
        _GIVEN_HE,
        _GIVEN_IN_NORTH,
        _GIVEN_IN_SOUTH,
        _GIVEN_IN_EAST_WEST,
        _GIVEN_PK_BD,
        _GIVEN_ID_MS,
        _GIVEN_FIL,
        _GIVEN_VI,
        _GIVEN_TH,
        _GIVEN_ZH,
        _GIVEN_JA,
        _GIVEN_KO,
        _GIVEN_NG,
        _GIVEN_WEST_AFRICA,
        _GIVEN_EAST_AFRICA,
        _GIVEN_SOUTHERN_AFRICA,
        _GIVEN_CAUCASUS_CENTRAL_ASIA,
        _GIVEN_COMPOUND,
        _GIVEN_SHORT_FORMS,
    )
    for name in block.split()
)

SURNAMES: frozenset[str] = frozenset(
    name
    for block in (
        _SURNAME_EN,
        _SURNAME_GA_GD_CY,
        _SURNAME_DE,
        _SURNAME_FR,
        _SURNAME_NL,
        _SURNAME_NORDIC,
        _SURNAME_PL,
        _SURNAME_CS_SK,
        _SURNAME_HU,
        _SURNAME_RO,
        _SURNAME_BG,
        _SURNAME_HR_SR_SL_BS,
        _SURNAME_EL,
        _SURNAME_RU_UK_BE,
        _SURNAME_BALTIC,
        _SURNAME_IT,
        _SURNAME_ES,
        _SURNAME_PT,
        _SURNAME_LATAM,
        _SURNAME_TR_AZ,
        _SURNAME_AR,
        _SURNAME_FA,
        _SURNAME_HE,
        _SURNAME_IN,
        _SURNAME_PK_BD,
        _SURNAME_ID_MS,
        _SURNAME_FIL,
        _SURNAME_VI,
        _SURNAME_TH,
        _SURNAME_ZH,
        _SURNAME_JA,
        _SURNAME_KO,
        _SURNAME_NG,
        _SURNAME_WEST_AFRICA,
        _SURNAME_EAST_AFRICA,
        _SURNAME_SOUTHERN_AFRICA,
        _SURNAME_CAUCASUS_CENTRAL_ASIA,
    )
    for name in block.split()
)

#: Given names and family names of the wider lists (``_GIVEN_MORE``, ``_SURNAME_MORE``), not in
#: the hand-compiled ones. They confirm a name where something says one stands there (a cue, a
#: key, a title: :func:`is_given_name`, :func:`is_surname`); a name with nothing around it, and
#: the batch path's gates, take the hand-compiled lists only (they are smaller: as prefix trees,
#: both lists together made polars' regex engine outgrow its cache, 30 times slower).
MORE_GIVEN_NAMES: frozenset[str] = frozenset(_GIVEN_MORE.split()) - GIVEN_NAMES
MORE_SURNAMES: frozenset[str] = frozenset(_SURNAME_MORE.split()) - SURNAMES
_ALL_GIVEN = GIVEN_NAMES | MORE_GIVEN_NAMES
_ALL_SURNAMES = SURNAMES | MORE_SURNAMES

# Frequent family names that are also common words, left out of SURNAMES by the rule above
# (Brown, Green, King, Young, Weber, Klein, Bakker, Santos, Costa, Demir, Kaya...): a
# detector takes one only after a listed given name ("Aylin Demir", "Sanne Bakker", "Brown,
# Emily"), never alone. The most common words among frequent surnames (Long, Little, Day,
# May, Best, Page, Price, Cook, Church, West...) are not here at all.
COMMON_WORD_SURNAMES: frozenset[str] = frozenset(["archer", "aslan", "baker", "bakker", "baum", "bell", "bird", "bishop", "black", "blanc", "boer", "bos", "boucher", "braun", "brooks", "brown", "buck", "busch", "campos", "carpenter", "celik", "çelik", "chevalier", "colombo", "conte", "costa", "crane", "cruz", "demir", "dias", "dijk", "engel", "ferrara", "flores", "fontaine", "fontana", "ford", "fox", "frank", "fuchs", "gallo", "graf", "gray", "greco", "green", "grey", "groot", "gross", "groß", "hahn", "hale", "hall", "hara", "hart", "hill", "hoek", "hunter", "jung", "kaiser", "kara", "kaya", "keller", "king", "klein", "knight", "koenig", "konig", "könig", "kowal", "kurt", "lamb", "lambert", "lang", "leal", "leone", "lima", "lobo", "longo", "marchand", "marino", "marsh", "mason", "monti", "moon", "mora", "mori", "moss", "moura", "nash", "noel", "park", "petit", "pinto", "polat", "potter", "prins", "ramos", "renard", "reyes", "riva", "rocha", "rosa", "rose", "santos", "schwarz", "serra", "sommer", "song", "stein", "stone", "swan", "vega", "villa", "vogel", "vos", "weber", "weiss", "weiß", "white", "wilk", "wit", "wolf", "wood", "young"]) - SURNAMES

# The common words among frequent family names that no detector takes for a surname, not even
# after a listed given name (Thomas Cook, a travel company; "Neil Long Running"): the words the
# comment above names, more of the same kind, and words of companies' names (Thomas Cook
# Travel, Virgin Air: the given-name rule reads no further than two words)
WORD_SURNAMES: frozenset[str] = frozenset({
    "long", "little", "day", "may", "best", "page", "price", "cook", "church", "west", "east", "north", "south",
    "lane", "street", "field", "fields", "banks", "bank", "hope", "gold", "golden", "silver", "case", "mark", "marks",
    "sharp", "short", "small", "strong", "wise", "good", "light", "bright", "summer", "winter", "spring", "march",
    "fair", "cross", "hand", "head", "heart", "love", "joy", "power", "rich", "royal", "sterling", "major", "grant",
    "chase", "bond", "cash", "coin", "card", "bill", "post", "mail", "lord", "duke", "prince", "pope",
    "travel", "air", "express", "cloud", "tech", "labs", "works", "systems", "group", "holdings", "partners",
})  # fmt: skip

# Particles inside family names, lower case; multi-word ones are single entries.
NAME_PARTICLES: frozenset[str] = frozenset({
    # Dutch, Flemish and Afrikaans
    "van", "van der", "van den", "van de", "van het", "van 't", "vander", "vanden",
    "der", "den", "de", "te", "ter", "ten", "in 't", "op de", "op den",
    # German, Austrian and Swiss
    "von", "von der", "von dem", "von und zu", "vom", "zu", "zum", "zur",
    # French and Belgian
    "de la", "du", "des", "le", "la", "les", "saint", "sainte",
    # Italian
    "di", "da", "del", "della", "delle", "dei", "degli", "dello", "dal", "dalla", "lo", "li",
    # Spanish, Catalan and Portuguese
    "de las", "de los", "dos", "das", "do", "y", "e", "i", "san", "santa",
    # Scandinavian
    "af", "av",
    # Irish, Scottish and Welsh
    "mac", "mc", "ó", "ní", "nic", "mhic", "ua", "ap", "ab", "fitz",
    # Arabic, Hebrew and related
    "al", "el", "bin", "binti", "binte", "bint", "ibn", "ben", "bat", "bar", "abu", "ould",
    "ait", "aït", "ba",
})  # fmt: skip

_FOLD_TABLE = str.maketrans({
    "ß": "ss", "ø": "o", "æ": "ae", "œ": "oe", "ł": "l", "đ": "d", "ð": "d", "þ": "th",
    "ı": "i", "\u2019": "'",
})  # fmt: skip


def _fold(text: str) -> str:
    """Return `text` folded to ASCII letters.

    Combining marks are dropped after NFKD decomposition, and letters that do
    not decompose are spelled out (ß to ss, ø to o, æ to ae, ł to l, đ to d,
    ı to i); a typographic apostrophe becomes a plain one.

    Parameters
    ----------
    text : str
        Lower-case text.

    Returns
    -------
    str
        The folded text.

    Examples
    --------
    >>> _fold("łukasz søren straße núñez")
    'lukasz soren strasse nunez'
    """
    decomposed = unicodedata.normalize("NFKD", text.translate(_FOLD_TABLE))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _listed(word: str, names: frozenset[str]) -> bool:
    key = word.lower()
    return key in names or _fold(key) in names


def is_given_name(word: str) -> bool:
    """Tell whether `word` is a known given name.

    Parameters
    ----------
    word : str
        One word, in any case, with or without diacritics.

    Returns
    -------
    bool
        True when the lower-cased word or its ASCII fold is in `GIVEN_NAMES` or
        `MORE_GIVEN_NAMES`.

    Examples
    --------
    >>> is_given_name("Jürgen"), is_given_name("JUERGEN"), is_given_name("jurgen")
    (True, True, True)
    >>> is_given_name("Will")
    False
    """
    return _listed(word, _ALL_GIVEN)


def is_surname(word: str) -> bool:
    """Tell whether `word` is a known family name.

    Parameters
    ----------
    word : str
        One word, in any case, with or without diacritics.

    Returns
    -------
    bool
        True when the lower-cased word or its ASCII fold is in `SURNAMES` or
        `MORE_SURNAMES`.

    Examples
    --------
    >>> is_surname("Müller"), is_surname("O’Connor"), is_surname("NUNEZ")
    (True, True, True)
    >>> is_surname("Page")
    False
    """
    return _listed(word, _ALL_SURNAMES)


# Words that are one letter and a listed family name of five letters or more ("atomic" is
# a + tomic, "slopes" s + lopes, "halves" h + alves): such a token is never read as a login
# with no separator (``jkowalski``, ``MROSSI``). Found by looking every letter + family name
# up in the word lists of /usr/share/dict (American and British English, German, French,
# Italian, Spanish, Portuguese, Brazilian and Dutch: 1.8 million words with their
# inflections) when the lists above last changed: 129 words.
JOINED_WORDS = frozenset(["aalbrecht", "aantal", "abates", "aberrada", "abondar", "aboyer", "adatta", "alevin", "alevine", "amaina", "amarti", "amendes", "amendez", "amorales", "amoreira", "atomic", "baigner", "basante", "bellis", "bevers", "bleach", "blinden", "bolivier", "bowens", "brahman", "calves", "cantal", "capaza", "chamada", "chanson", "charada", "cherrera", "chofer", "colsen", "colson", "comari", "corsos", "cortega", "daigner", "devers", "diversen", "dorsos", "drizzi", "drizzo", "droger", "drogers", "ebender", "ebenes", "elopes", "emendes", "erobert", "estoica", "everbeek", "evitali", "faubert", "favila", "fevers", "florenz", "freddy", "frizzi", "froger", "gevers", "grasmussen", "grossi", "halves", "haubert", "hebert", "hegger", "heisenberg", "jolson", "keaton", "kevers", "korsos", "krieger", "kroger", "landre", "lavram", "legger", "levers", "madams", "oevers", "opérez", "osanna", "overbeek", "overbruggen", "overmaak", "overmeer", "pasante", "pellis", "pilori", "polsen", "rapaza", "rasante", "revers", "rowens", "saigner", "salves", "sandre", "santal", "scullen", "severs", "sharper", "shermans", "silves", "singram", "sjansen", "slammers", "sleigh", "slopes", "smiller", "smuller", "somari", "spartel", "spatel", "sperry", "spillai", "spires", "swimmer", "tantal", "torsos", "trichter", "trousseau", "valves", "vrezende", "wandre", "wevers", "zaubert", "zegger", "zwalker"])


# --- Patterns -----------------------------------------------------------------------------------

_META = frozenset(".^$*+?()[]{}|\\")


def _literal(ch: str, in_class: bool = False) -> str:
    if ch in _META or (in_class and ch == "-"):
        return "\\" + ch
    return ch


def word_pattern(words: frozenset[str] | set[str]) -> str:
    """A regular expression that matches any of `words`, written as a prefix tree.

    The pattern uses only literals, non-capturing groups, character classes and ``?``,
    the syntax Python's ``re`` and polars' (Rust) engine share, so the batch path can run
    it over a column and the per-event path over one text with the same answers. A
    prefix tree instead of a flat alternation of thousands of words keeps Python's
    backtracking engine fast (it tries one branch per letter) and tries the longer of two
    words first ("Berg" after "Bergmann").

    Parameters
    ----------
    words : set of str
        The words, exactly as they are to be matched (case-sensitive).

    Returns
    -------
    str
        The pattern, without anchors or word boundaries.

    Examples
    --------
    >>> word_pattern({"Berg", "Bergmann", "Bell"})
    'Be(?:ll|rg(?:mann)?)'
    >>> import re
    >>> re.fullmatch(word_pattern({"Anna", "Anne", "Ann"}), "Anne") is not None
    True
    """
    trie: dict[str, dict] = {}
    for w in words:
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}
    return _branch(trie)


def _branch(node: dict[str, dict]) -> str:
    alts: list[str] = []
    singles: list[str] = []
    for ch in sorted(k for k in node if k):
        sub = _branch(node[ch])
        if sub:
            alts.append(_literal(ch) + sub)
        else:
            singles.append(ch)
    if len(singles) == 1:
        alts.append(_literal(singles[0]))
    elif singles:
        alts.append("[" + "".join(_literal(c, in_class=True) for c in singles) + "]")
    if not alts:
        return ""
    body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
    if "" in node:
        # a word ends here and longer ones go on: the longer first, the shorter when they fail
        body = "(?:" + body + ")?" if len(alts) > 1 or len(body) > 1 else body + "?"
    return body


def _title(word: str) -> str:
    out = []
    upper = True
    for ch in word:
        out.append(ch.upper() if upper else ch)
        upper = ch in "-'’ "
    return "".join(out)


def written_forms(words: frozenset[str], capitals: bool = True) -> frozenset[str]:
    """The ways `words` are written in prose: title case, and in capitals when `capitals`.

    Each word is taken as it is and with a typographic apostrophe for a straight one;
    ``mc…`` names also as ``Mc…`` ("McDonald").

    Examples
    --------
    >>> sorted(written_forms(frozenset({"o'neil"})))
    ["O'NEIL", "O'Neil", 'O’NEIL', 'O’Neil']
    """
    out: set[str] = set()
    for w in words:
        for v in {w, w.replace("'", "’")}:
            out.add(_title(v))
            if capitals:
                out.add(v.upper())
            if v.startswith("mc") and len(v) > 3:
                out.add("Mc" + v[2].upper() + v[3:])
    return frozenset(out)

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

# Frequent family names that are also common words, left out of SURNAMES by the rule above
# (Brown, Green, King, Young, Weber, Klein, Bakker, Santos, Costa, Demir, Kaya...): a
# detector takes one only after a listed given name ("Aylin Demir", "Sanne Bakker", "Brown,
# Emily"), never alone. The most common words among frequent surnames (Long, Little, Day,
# May, Best, Page, Price, Cook, Church, West...) are not here at all.
COMMON_WORD_SURNAMES: frozenset[str] = frozenset(["archer", "aslan", "baker", "bakker", "baum", "bell", "bird", "bishop", "black", "blanc", "boer", "bos", "boucher", "braun", "brooks", "brown", "buck", "busch", "campos", "carpenter", "celik", "çelik", "chevalier", "colombo", "conte", "costa", "crane", "cruz", "demir", "dias", "dijk", "engel", "ferrara", "flores", "fontaine", "fontana", "ford", "fox", "frank", "fuchs", "gallo", "graf", "gray", "greco", "green", "grey", "groot", "gross", "groß", "hahn", "hale", "hall", "hara", "hart", "hill", "hoek", "hunter", "jung", "kaiser", "kara", "kaya", "keller", "king", "klein", "knight", "koenig", "konig", "könig", "kowal", "kurt", "lamb", "lambert", "lang", "leal", "leone", "lima", "lobo", "longo", "marchand", "marino", "marsh", "mason", "monti", "moon", "mora", "mori", "moss", "moura", "nash", "noel", "park", "petit", "pinto", "polat", "potter", "prins", "ramos", "renard", "reyes", "riva", "rocha", "rosa", "rose", "santos", "schwarz", "serra", "sommer", "song", "stein", "stone", "swan", "vega", "villa", "vogel", "vos", "weber", "weiss", "weiß", "white", "wilk", "wit", "wolf", "wood", "young"]) - SURNAMES

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
        True when the lower-cased word or its ASCII fold is in `GIVEN_NAMES`.

    Examples
    --------
    >>> is_given_name("Jürgen"), is_given_name("JUERGEN"), is_given_name("jurgen")
    (True, True, True)
    >>> is_given_name("Will")
    False
    """
    return _listed(word, GIVEN_NAMES)


def is_surname(word: str) -> bool:
    """Tell whether `word` is a known family name.

    Parameters
    ----------
    word : str
        One word, in any case, with or without diacritics.

    Returns
    -------
    bool
        True when the lower-cased word or its ASCII fold is in `SURNAMES`.

    Examples
    --------
    >>> is_surname("Müller"), is_surname("O’Connor"), is_surname("NUNEZ")
    (True, True, True)
    >>> is_surname("Page")
    False
    """
    return _listed(word, SURNAMES)


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

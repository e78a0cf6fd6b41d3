"""What a key name says about its value.

Telemetry names its personal data far more often than it formats it
recognisably: ``customer_name=Ada Lovelace``, ``"dob": "1990-04-01"``,
``X-Api-Key: ...``, ``{"billing": {"name": ...}}``. :func:`classify_key` reads a
key (field, column, JSON key, header or query-string parameter) and says what
its value is, so that the value is neutralized whatever it looks like.

Classes returned
----------------
a personal kind (``email``, ``person_name``, ``phone``, ``dob``, ``address``,
``user_id``, ``session_id``, ``ssn``, ``card``, ``iban``, ``geo``, ``password``,
``secret``, ``cookie``)
    the whole value is personal or secret data of that kind;
``weak_secret``
    ``token``/``auth``/``signature``-style names: the value is a secret when it
    looks random (see :func:`looks_random`);
``named_person``
    a role a person has (``owner``, ``author``, ``beneficiary``, ``created_by``): a
    person's name when the value is shaped like one (``owner=Piotr Kowalski``), free
    text otherwise (``owner=team-payments``, an object, a number);
``person_role``
    a role only people have (``rider``, ``patient``, ``member``, ``courier``): as
    ``named_person``, and besides a person's id when the value is shaped like one
    (``rider=usr_51f0b7a9c3``, ``member=LY-DE-0093318842``, ``student=S00918273``,
    ``attendee=jakob.eriksen``; see :func:`is_role_id`);
``record_key``
    ``key=``, ``record_key=``: tokenized whatever it looks like (a Kafka record key
    is usually a user or entity id; an API key in ``?key=`` is a secret; a keyed
    token is safe for both and still joins);
``id``
    an identifier (``trace_id``, ``order_id``...): never read as a card or phone
    number;
``None``
    nothing known: the value is scanned as free text.

Examples
--------
>>> classify_key("customerName"), classify_key("X-Api-Key"), classify_key("span_id")
('person_name', 'secret', 'id')
>>> classify_key("name"), classify_key("name", parent="billing")
(None, 'person_name')
>>> classify_key("ip_address"), classify_key("shipping_address")
(None, 'address')
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from features.privacy.checks import shannon_entropy
from features.privacy.gazetteer import is_given_name, is_surname

__all__ = [
    "HL7_FIELDS",
    "PERSONAL_PARENTS",
    "child_class",
    "FHIR_PEOPLE",
    "record_class",
    "record_role",
    "classify_key",
    "is_personal_parent",
    "is_placeholder",
    "is_plausible",
    "is_role_id",
    "ROLE_CLASSES",
    "is_machine_account",
    "is_person_type",
    "is_service_account",
    "looks_random",
    "normalize_key",
]

_CAMEL = re.compile(r"(?<=[a-z0-9])(?=[A-Z])")
_SEP = re.compile(r"[\W_]+")  # after lower(): what is not a letter or a digit of any script
# letters that lose no accent under NFKD but have a plain spelling in keys
_FOLD = str.maketrans({"ß": "ss", "ł": "l", "ø": "o", "æ": "ae", "ı": "i", "đ": "d", "œ": "oe"})
_CODE = re.compile(r"[A-Z][A-Z0-9]*(?:[_-][A-Z0-9]+)+")  # ERR_PAYMENT_4021: a code, not a secret

_EXACT: dict[str, str] = {}
_MAC_VALUE = re.compile(
    r"(?=[0-9A-Fa-f.:-]*[1-9A-Fa-f])(?:[0-9A-Fa-f]{12}|[0-9A-Fa-f]{4}([.-])[0-9A-Fa-f]{4}\1[0-9A-Fa-f]{4}"
    r"|[0-9A-Fa-f]{2}([:-])(?:[0-9A-Fa-f]{2}\2){4}[0-9A-Fa-f]{2})"
)


def _add(kind: str, *names: str) -> None:
    for n in names:
        _EXACT[n] = kind


_add("email", "email", "e_mail", "mail", "email_address", "emailaddress", "mail_address",
     "useremail", "user_mail", "reply_to", "emails")
_add("person_name", "first_name", "firstname", "last_name", "lastname", "full_name", "fullname",
     "given_name", "givenname", "family_name", "familyname", "middle_name", "surname",
     "display_name", "displayname", "cardholder", "card_holder", "cardholder_name",
     "account_holder", "account_holder_name", "holder_name", "name_on_card", "recipient",
     "recipient_name", "sender_name", "contact_name", "customer_name", "person_name",
     "patient_name", "employee_name", "billing_name", "shipping_name", "payer_name",
     "buyer_name", "owner_name", "guest_name", "passenger_name", "member_name", "real_name",
     "legal_name", "maiden_name", "nickname", "given", "forename", "forenames")
_add("phone", "phone", "phone_number", "phonenumber", "phone_no", "mobile", "mobile_number",
     "mobile_phone", "cell", "cellphone", "cell_phone", "tel", "telephone", "msisdn", "fax",
     "contact_number", "home_phone", "work_phone")
_add("dob", "dob", "date_of_birth", "dateofbirth", "birth_date", "birthdate", "birthday",
     "born", "born_on", "birth_day")
_add("address", "address", "addr", "street", "street_name", "streetname", "street_address", "streetaddress", "address_line",
     "address_line1", "address_line2", "address1", "address2", "home_address", "billing_address",
     "shipping_address", "postal_address", "mailing_address", "delivery_address",
     "residential_address", "postal_code", "postcode", "post_code", "postal", "zip", "zipcode", "zip_code",
     "house_number", "apartment", "city_address", "pickup", "dropoff", "pickup_address", "dropoff_address")
_add("user_id", "user_id", "userid", "uid", "user", "username", "user_name", "login",
     "login_name", "customer_id", "customerid", "customer", "member_id", "memberid",
     "patient_id", "employee_id", "enduser_id", "end_user_id", "actor_id", "principal",
     "account_email", "user_login", "sub", "subject_id", "owner_id", "subscriber_id", "player_id", "buyer_id", "payer_id",
     "logname", "ruser", "user_principal_name", "upn", "s_amaccount_name", "samaccountname", "uname",
     "principal_name", "sasl_username", "acct", "actor", "actor_login",
     # the authenticated user as reverse proxies and OIDC pass it on
     "remote_user", "x_remote_user", "x_forwarded_user", "x_auth_request_user", "x_webauth_user",
     "x_forwarded_preferred_username", "x_auth_request_preferred_username", "preferred_username",
     "x_user", "x_username", "cognito_username",
     # a phone's or a subscriber's identifiers, and advertising ids: each names one person's device
     "imei", "imeisv", "imsi", "iccid", "meid", "advertising_id", "idfa", "gaid", "adid", "aaid",
     # AppsFlyer's advertiserId (the IDFA or GAID it was given), Adjust's android_uuid, an SDK's
     # userIdentifier (Crashlytics: the id the app sets for its user)
     "advertiser_id", "android_uuid", "user_identifier",
     # a vehicle's registration mark (the UK's VRM) and a driving licence or plate (Italy's and
     # Latin America's patente)
     "vrm", "patente",
     # a clinician's National Provider Identifier (an individual's, as a claim names its provider)
     "npi", "provider_npi", "rendering_npi", "attending_npi",
     # medical record numbers
     "mrn", "medical_record_number", "patient_number", "health_id", "nhs_number",
     # PeopleSoft's employee id and operator (login) id
     "emplid", "oprid")
_add("session_id", "session_id", "sessionid", "session", "sid", "jsessionid", "phpsessid",
     "asp_net_session_id", "aspsessionid", "connect_sid", "sess", "session_key",
     "browser_session", "x_session_id")
_add("ssn", "ssn", "social_security_number", "social_security", "sin", "national_id",
     "national_insurance_number", "nino", "tax_id", "taxpayer_id", "passport",
     "passport_number", "drivers_license", "driver_license", "license_number",
     # other countries' national identity numbers
     "cpf", "nif", "nie", "dni", "codice_fiscale", "codicefiscale", "aadhaar", "aadhaar_number",
     "aadhar", "nir", "insee", "bsn", "pesel", "personnummer", "curp", "ni_number",
     "national_insurance", "sin_number", "tfn", "steuer_id", "steuernummer",
     # an identity document's number as forms key it (num_doc beside tipo_doc: DNI), a driving licence's
     "num_doc", "numero_doc", "numero_documento", "nro_documento", "documento_identidad", "doc_identidad",
     "numero_identificacion", "cedula", "licence_number", "driving_licence", "driving_licence_number",
     "driver_licence", "drivers_licence", "driving_license_number",
     # China's resident identity card as its payment and government APIs key it (certifId,
     # id_card_no, sfzh: shenfenzheng haoma), Russia's tax and pension numbers (ИНН, СНИЛС)
     "certif_id", "cert_id", "certifid", "id_card", "idcard", "id_card_no", "idcard_no", "id_card_number",
     "sfzh", "sfz", "inn", "snils", "document_number", "document_no", "doc_number",
     # Poland's tax number (nip=5252248481)
     "nip")
# the ids game platforms give players: Steam's SteamID, Xbox's XUID and gamertag, PSN's
# online id, Epic's account id, Riot's PUUID, Battle.net's BattleTag, an anti-cheat's hardware id
_add("user_id", "xuid", "steamid", "steamid64", "steam_id64", "gamertag", "modern_gamertag", "battletag",
     "puuid", "summoner_name", "online_id", "epic_account_id", "hwid", "hardware_id", "be_guid", "beguid")
_add("card", "card", "card_number", "cardnumber", "card_no", "cc", "cc_number", "ccnumber",
     "ccnum", "credit_card", "creditcard", "credit_card_number", "pan", "cvv", "cvv2", "cvc",
     "card_cvv", "security_code", "debit_card")
_add("iban", "iban", "bank_account", "account_number", "bank_account_number", "bic_iban",
     "routing_number")
_add("geo", "enlem", "boylam", "latitud", "longitud", "latitudine", "longitudine", "breitengrad",
     "laengengrad", "langengrad", "szerokosc", "dlugosc")
_add("geo", "lat", "latitude", "lon", "lng", "long", "longitude", "geo", "geolocation",
     "gps", "coords", "coordinates", "latlng", "lat_lng", "latlon", "lat_lon", "geo_point")
_add("password", "password", "passwd", "pwd", "pass", "passphrase", "passcode", "pin",
     "user_password", "db_password", "new_password", "old_password", "current_password",
     "password_confirmation", "confirm_password", "mysql_pwd", "pgpassword")
_add("secret", "secret", "client_secret", "secret_key", "secretkey", "api_key", "apikey",
     "x_api_key", "api_token", "access_key", "access_token", "accesstoken", "refresh_token",
     "id_token", "auth_token", "authtoken", "session_token", "private_key", "privatekey",
     "authorization", "proxy_authorization", "x_auth_token", "x_access_token", "bearer",
     "credentials", "credential", "aws_secret_access_key", "secret_access_key",
     "aws_session_token", "app_secret", "consumer_secret", "webhook_secret", "signing_key",
     "encryption_key", "master_key", "shared_secret", "client_key", "license_key",
     "x_amz_security_token", "csrf_token", "xsrf_token", "x_csrf_token", "otp", "totp", "hapikey",
     # mobile and analytics SDKs' keys: LaunchDarkly's sdkKey and mobileKey, Segment's writeKey,
     # AppsFlyer's af_dev_key
     "sdk_key", "sdkkey", "mobile_key", "mobilekey", "write_key", "writekey", "dev_key", "devkey", "af_dev_key")
_add("cookie", "cookie", "set_cookie", "cookies")
_add("record_key", "key", "record_key", "message_key", "msg_key", "partition_key", "kafka_key",
     "event_key", "entity_key")
_add("weak_secret", "token", "auth", "signature", "sig", "hash_key", "x_signature",
     "x_hub_signature", "nonce")
_add("id", "trace_id", "traceid", "span_id", "spanid", "parent_span_id", "parent_id",
     "parentspanid", "request_id", "requestid", "x_request_id", "correlation_id",
     "x_correlation_id", "traceparent", "tracestate", "trace", "span", "message_id",
     "event_id", "x_b3_traceid", "x_b3_spanid", "x_amzn_trace_id", "dd_trace_id",
     "dd_span_id", "build", "version", "build_id", "commit", "sha", "pid", "tid", "port")
# a person in a role (who owns, wrote, asked, is paid...): a name-shaped value is theirs
_add("named_person", "owner", "author", "assignee", "reporter", "requester", "submitter", "approver",
     "reviewer", "beneficiary", "payee", "payer", "guest",
     "holder", "buyer", "sender", "addressee", "signatory", "signer", "driver",
     "debtor", "creditor", "contact",
     "practitioner", "physician", "doctor", "clinician", "therapist", "nurse", "dentist", "caregiver",
     "organizer", "organiser", "interviewer", "instructor", "teacher", "tutor",
     "prescriber", "tenant", "landlord", "lessee", "prospect", "lead",
     "agent_name", "assigned_to", "on_behalf_of",
     # the parties of courts, estates and land registers, and of a tax return
     "executor", "deceased", "decedent", "testator", "heir", "guardian", "proprietor", "plaintiff", "defendant",
     "petitioner", "appellant", "juror", "witness", "spouse", "filer", "intestatario",
     # a property's or a vehicle's owner in German, Japanese and Chinese
     "eigentuemer", "eigentumer", "halter", "fahrzeughalter", "besitzer", "所有者", "参保人")
# The classes of a key that names a person's role: what its value is depends on its shape
# (detectors.role_kind)
ROLE_CLASSES = ("named_person", "person_role", "party")
# A message's party: an SMS's or a WhatsApp message's "to" and "from" hold the number without
# its + ({"from": "4915773301928"}); a route's ({"from": "FRA"}) or a time range's
# ({"from": 1710252901388}) hold none (detectors.role_kind)
_add("party", "to", "from", "destination", "source_addr", "destination_addr", "dest_addr", "originator",
     "sender_id", "recipient_number")
_add("phone", "wa_id", "whatsapp_id", "caller_number", "callee_number")
# DICOM JSON (DICOMweb) keys its data elements by tag: a patient's and a physician's
# SAP HR's infotype fields, as its dumps and ABAP runtime errors print them: last and first
# name, birth name, date of birth (PERNR=00220871, NACHN=Kristensen, VORNA=Lars)
_add("person_name", "nachn", "vorna", "name2", "rufnm", "nach2", "gbnam")
_add("dob", "gbdat", "geb", "geb_datum", "gebdat", "birth")
# SAP's customer and address fields (KNA1, ADRC), as short dumps, IDocs and bound parameters
# print them: a customer's name (or a business's), street, postal code, number, phone, e-mail, tax number
_add("named_person", "name1")
_add("address", "stras", "pstlz", "post_code1", "str_suppl1")
_add("user_id", "kunnr")
_add("phone", "telf1", "telf2", "telfx", "tel_number", "mob_number")
_add("email", "smtp_addr")
_add("ssn", "stcd1", "stcd2")
# a customer's, a payee's or an employee's tax number (SAF-T's CustomerTaxID)
_add("ssn", "customer_tax_id", "customertaxid", "payee_tax_id", "employee_tax_id")
# Okta's System Log: an actor's or a target's login (or e-mail) beside its opaque id
_add("user_id", "alternate_id", "alternateid")
# a device's MAC address under its key, in the shapes network gear writes it: 7C2A31B4E90F
# (Windows DHCP), 5c0c-bb2e-19af (Huawei, H3C), 7c2a.31b4.e90f (Cisco), and in six pairs
_add("mac", "mac", "mac_address", "macaddress", "macaddr", "mac_addr", "client_mac", "clientmac", "user_mac",
     "usermac", "sta_mac", "station_mac", "device_mac", "calling_station_id", "callingstationid")
# Finnish address and postal code (osoite, postinumero)
_add("address", "osoite", "postinumero", "lahiosoite", "katuosoite")
_add("user_id", "candidate_id", "candidateid", "applicant_id", "worker_number", "personnel_number", "personnelnumber")
# a SIM card's serial and an eSIM's id (ICCID, EID): a subscriber's, not a record's id
_add("user_id", "iccid", "icc_id", "sim_iccid", "eid", "esim_eid", "sim_serial")
_add("person_name", "00100010", "00101001", "00101005", "00101060", "00080090", "00081048", "00081050",
     "00081060", "00081070", "00321032", "00400006")
_add("user_id", "00100020", "00101000", "00100050")
_add("dob", "00100030")
_add("address", "00101040")
_add("phone", "00102154")
# roles only people have: their value is also a person's id when shaped like one (is_role_id);
# not those that name machines or organizations too (owner, holder, guest, tenant, contact, a
# database driver, a lock's holder, a VM's guest)
_add("person_role", "rider", "passenger", "applicant", "patient", "courier", "subscriber", "employee", "member",
     "attendee", "participant", "student", "traveler", "traveller", "insured", "policyholder", "claimant",
     "borrower", "guarantor", "visitor", "invitee", "candidate", "taxpayer", "athlete", "viewer", "learner",
     "pupil", "shopper")
_add("ssn", "personal_number", "personal_identity_number", "personal_id_number", "personal_code",
     "personal_identification_number", "national_identity_number", "identity_number", "id_number",
     "national_identification_number", "identification_number", "national_id_number",
     "resident_registration_number", "resident_reg_number", "resident_number")
_add("user_id", "principal_id", "principalid", "installation_id", "installation_uuid", "install_id",
     "device_uuid", "device_guid", "objectidentifier", "object_identifier")
# what analytics, attribution and push SDKs call a person or their installation (Mixpanel's
# distinct_id, AppsFlyer's id, OneSignal's players, FCM/JPush registrations, Google Play's
# obfuscated account id), and the codes a person is sent to sign in
_add("user_id", "distinct_id", "appsflyer_id", "amplitude_id", "braze_id", "firebase_uid", "gps_adid",
     "google_ad_id", "player_ids", "invalid_player_ids", "include_player_ids", "registration_id",
     "registration_ids", "obfuscated_external_account_id", "obfuscated_account_id",
     "obfuscated_external_profile_id", "obfuscated_profile_id", "external_user_id", "user_pseudo_id",
     "cognito_identity_id", "identity_id", "psu_id", "aad_object_id", "pernr", "person_id_external",
     "relateduserid", "realuserid")  # (Moodle's log store writes its keys in one word)
_add("user_id", "vin", "vin_number", "vehicle_identification_number")  # a car's, and so its keeper's
# Magento's customer tax or VAT number; Poland's tax number (people's too: a sole trader's)
_add("ssn", "taxvat", "nip")
# Italy's codice fiscale and a tax number as English-speaking APIs key them (fiscalCode, TaxNumber)
_add("ssn", "fiscal_code", "fiscalcode", "tax_number", "taxnumber", "taxid", "tax_identification_number")
# an address's lines as payment and shipping APIs key them (Stripe's Address(line1=…, line2=…))
_add("address", "line1", "line2", "line_1", "line_2")
# an insured person's number (insurance_no, insuranceNumber: a health or a car insurer's)
_add("user_id", "insurance_number", "insurance_nr", "insured_number", "insurance_card_number")
# the customer's, the member's, the user's, the employee's, the patient's number in Japanese and
# Chinese forms (顧客ID=C20488312, 会員番号, 社員番号)
_add("user_id", "顧客id", "顧客番号", "ユーザーid", "ユーザid", "利用者id", "社員番号", "従業員番号", "患者id", "患者番号",
     "顾客id", "客户id", "客户编号", "会员id", "会员号", "员工编号", "工号")
_add("person_name", "imie_nazwisko", "imienazwisko", "nome_cognome", "nom_prenom")
_add("secret", "form_key")  # Magento's anti-CSRF key
_add("id", "result_signature")  # Azure's activity log: "Forbidden.AuthorizationFailed"
_add("person_name", "name_first", "name_last", "name_middle")
# names in the plural (a person's given names), a telephone call's parties as a switch names
# them (FreeSWITCH's caller_id_name, Twilio's CallerName), a card's holder (cc_name)
_add("person_name", "given_names", "givennames", "first_names", "firstnames", "family_names", "familynames",
     "last_names", "lastnames", "surnames", "nick_name", "apelido", "apelidos", "sobrenomes", "caller_id_name",
     "callerid_name", "calleridname", "effective_caller_id_name", "origination_caller_id_name",
     "callee_id_name", "caller_name", "callee_name", "connected_line_name", "connectedlinename",
     "cc_name", "ccname", "caller_idname", "agi_calleridname", "callee_idname")
# a call's number as a switch names it (Asterisk's CallerIDNum and AGI's agi_callerid, FreeSWITCH's
# caller_id_number): a phone's, or an extension's
_add("phone", "caller_idnum", "calleridnum", "agi_callerid", "callerid", "caller_id", "caller_id_number",
     "callerid_num", "callerid_number", "effective_caller_id_number", "origination_caller_id_number",
     "connected_line_num", "connectedlinenum", "caller_number", "callee_id_number")
_add("ssn", "rfc")  # Mexico's tax number (Turkey's tckn and Argentina's cuit, cuil are below)
# a browser's or a device's fingerprint (fraud screening), the UK's fraud-prevention headers
# that HMRC's APIs require (Gov-Client-Device-ID, Gov-Client-User-IDs, Gov-Client-MAC-Addresses)
_add("user_id", "device_fingerprint", "devicefingerprint", "browser_fingerprint", "device_imei", "gov_client_device_id",
     "gov_client_user_ids", "gov_client_mac_addresses")
_add("named_person", "cashier", "clerk")
# Mailchimp's merge fields, Indonesian and Malay names, a party's name in AML and payments
_add("person_name", "fname", "lname", "nama_lengkap", "party_name", "originator_name", "ordering_customer_name")
# birth dates, addresses and identity documents as services write them in other languages:
# Indonesian (tgl_lahir, alamat, nik), Portuguese (dt_nasc), Spanish (fecha_nac), Italian
# (residenza), German (Voranschrift: the previous address; Ausweisnummer: an identity card's)
_add("dob", "tgl_lahir", "tanggal_lahir", "dt_nasc", "dt_nascimento", "data_nasc", "fecha_nac", "fec_nac")
_add("address", "alamat", "alamat_lengkap", "residenza", "voranschrift", "wohnanschrift", "domicilio_fiscal")
_add("ssn", "ausweisnummer", "personalausweisnummer", "ausweis_nummer", "nr_dowodu", "numer_dowodu", "emirates_id",
     "foreign_tin", "tin", "national_identifier", "nationalidentifier", "nik", "id_card_number", "idcard_number",
     "id_card_no", "legal_id")
_add("iban", "clabe")  # Mexico's bank account number
# session 28's: a US alien registration number, Nigeria's bank verification number, Romania's
# personal numerical code, Turkey's identity number as its registry's API keys it, Argentina's
# AFIP document number
# a birth date, a login and a password as Brazil's, Portugal's, Mexico's, Indonesia's and
# Romania's services key them (nascimento, fechNac, TGL_LHR, data_nasterii; utilizador, palavraPasse)
_add("dob", "nascimento", "data_nascimento", "dt_nascimento", "fech_nac", "fechnac", "fecha_nac", "tgl_lhr",
     "tgl_lahir", "tanggal_lahir", "data_nasterii", "data_nastere")
_add("user_id", "utilizador", "nome_utilizador", "nome_de_utilizador")
# Singapore's MyInfo (uinfin, its NRIC or FIN)
_add("ssn", "uinfin", "nric")
_add("password", "palavra_passe", "palavrapasse", "palavra_chave")
_add("ssn", "alien_number", "alien_registration_number", "a_number_uscis", "bvn", "cnp", "tc_kimlik_no",
     "tckimlik_no", "tckimlikno", "kimlik_no", "doc_nro", "docnro")
# a wallet's recovery words (BIP-39), never to be logged
_add("secret", "mnemonic", "mnemonic_phrase", "seed_phrase", "recovery_phrase")
# a bank's customer (its CIF number), an AML system's party, a French bank's third party (tiers)
_add("user_id", "cif", "cif_number", "cif_no", "party_key", "partykey", "party_id", "id_tiers",
     "customer_ref", "customer_mnemonic")
# a photo's EXIF: where it was taken and the camera's serial number
_add("geo", "gpslatitude", "gpslongitude", "gps_latitude", "gps_longitude")
_add("user_id", "bodyserialnumber", "body_serial_number")
# advertising and analytics ids of a person or their browser: OpenRTB's buyeruid and ifa, The
# Trade Desk's tdid, Google's rdid, Snowplow's domain_userid and network_userid, Adobe's ECID,
# WeChat's and TikTok's openid/unionid, a podcast listener's, a CRM's id
_add("user_id", "buyeruid", "buyer_uid", "tdid", "ifa", "rdid", "domain_userid", "network_userid", "ecid",
     "mcid", "openid", "open_id", "unionid", "union_id", "listener_id", "listener_hash", "crm_id", "visitor_id",
     "visitorid", "anonymous_user_id", "user_hash")
_add("session_id", "domain_sessionid", "domain_session_id")
# Microsoft 365's audit UserKey (a person's PUID), IRC's nick (a nickname is a name, above)
_add("user_id", "user_key", "userkey", "nick")
_add("phone", "wa_id")
_add("secret", "verification_code", "otp_code", "sms_code", "login_code", "code_attempt", "one_time_code",
     "mfa_code", "totp_code", "auth_code", "authorization_code", "passcode")
_add("named_person", "technician", "inviter", "consumer_name", "consumername", "account_owner", "accountowner",
     # the same roles in other languages: a recipient, a sender, an insured person
     "destinatario", "destinataria", "remitente", "empfanger", "absender", "destinataire", "expediteur", "alici",
     "odbiorca", "nadawca", "ontvanger", "afzender")
_add("person_role", "assure", "adherent", "souscripteur", "asegurado", "segurado", "assicurato", "versicherter",
     "versicherte")
_add("id", "public_key_token", "publickeytoken")  # a .NET assembly's strong name: public
# session 20's probes: Brazil's NF-e and eSocial (xNome, fone, nmTrab, dtNascto), Spain's
# and Mexico's social security and payroll keys, Dutch phone and holder words
_add("person_name", "x_nome", "nm_trab", "nmtrab", "nome_trabalhador", "nombre_razon")
_add("dob", "dt_nascto", "dtnascto", "dt_nasc", "dtnasc")
_add("phone", "fone", "mobiel", "telefoon", "mobiele_nummer", "gsm", "sms_number", "smsnr")
_add("ssn", "num_seguridad_social", "numero_seguridad_social", "nss", "nif_trabajador")
_add("user_id", "num_empleado", "numero_empleado", "no_empleado", "matricule", "matricule_salarie")
_add("named_person", "houder", "rekeninghouder", "kaarthouder", "contact_person", "contactperson", "attention_name")
_add("card", "cc_cid", "card_code", "cardcode", "card_cvc", "cvn")
_add("secret", "codigo_acesso", "codigo_acceso", "access_code")

# The same in the languages services write their keys in (German, French, Spanish,
# Portuguese, Italian, Dutch, Polish, Nordic, Turkish, Chinese, Japanese, Korean), as
# normalize_key spells them: lower case, accents dropped (teléfono -> telefono, straße ->
# strasse). Only words that name the value alone; "nom", "nombre", "nome" and "naam" are
# a name only inside an object that describes a person (_IN_PARENT), like "name".
_add("email", "correo", "correo_electronico", "courriel", "adresse_mail", "adresse_email",
     "e_posta", "eposta", "posta_elettronica", "pec", "indirizzo_email", "endereco_email",
     "邮箱", "电子邮件", "电子邮箱", "メール", "メールアドレス", "이메일")
_add("person_name", "vorname", "nachname", "familienname", "prenom", "nom_de_famille", "nom_complet",
     "apellido", "apellidos", "primer_apellido", "segundo_apellido", "nombre_completo", "nome_completo",
     "sobrenome", "cognome", "voornaam", "achternaam", "imie", "nazwisko", "imie_i_nazwisko", "fornamn",
     "efternamn", "fornavn", "etternavn", "sukunimi", "etunimi", "soyad", "soyadi", "ad_soyad", "isim",
     "titular", "pagador", "beneficiario", "ordenante", "姓名", "名字", "氏名", "名前", "お名前", "이름", "성명", "фио", "имя", "фамилия")
_add("phone", "telefono", "telefon", "telefone", "telefonnummer", "telefoonnummer",
     "numero_telephone", "numero_de_telephone", "numero_telefono", "numero_de_telefono", "handy",
     "handynummer", "mobilnummer", "movil", "celular", "cellulare", "numero_cellulare", "portable",
     "gsm_number", "gsm_no", "gsm_numarasi", "cep_telefonu", "tlf", "puhelin", "telefono_movil",
     "手机", "手机号", "手机号码", "电话", "电话号码", "聯絡電話", "電話", "電話番号", "携帯", "携帯電話",
     "전화번호", "телефон")
_add("dob", "geburtsdatum", "geburtstag", "date_de_naissance", "date_naissance", "fecha_de_nacimiento",
     "fecha_nacimiento", "data_de_nascimento", "data_nascimento", "data_di_nascita", "data_nascita",
     "geboortedatum", "data_urodzenia", "fodelsedatum", "fodselsdato", "dogum_tarihi", "出生日期",
     "生日", "生年月日", "생년월일", "дата_рождения")
_add("person_name", "フリガナ", "ふりがな", "name_kana", "kana_name", "furigana", "name_furigana")
# a card's number and a device's or an access token in Japanese, Chinese and Korean
_add("card", "カード番号", "クレジットカード番号", "卡号", "银行卡号", "信用卡号", "카드번호")
_add("secret", "デバイストークン", "アクセストークン", "访问令牌", "액세스토큰")
_add("address", "郵便番号", "邮编", "邮政编码", "우편번호", "adresse", "anschrift", "strasse", "hausnummer", "plz", "postleitzahl", "wohnort",
     "direccion", "domicilio", "calle", "codigo_postal", "cod_postal", "endereco", "logradouro", "cep",
     "indirizzo", "civico", "code_postal", "adres", "straat", "huisnummer", "ulica", "kod_pocztowy",
     "posta_kodu", "gatuadress", "postnummer", "地址", "住址", "住所", "주소", "адрес")
_add("user_id", "kundennummer", "kunden_nr", "kundennr", "kunden_id", "kundenid", "benutzername",
     "benutzer", "nutzername", "nom_utilisateur", "identifiant", "usuario", "nombre_de_usuario",
     "id_usuario", "id_cliente", "numero_cliente", "num_cliente", "cliente_id", "codigo_cliente",
     "utente", "nome_utente", "gebruikersnaam", "klantnummer", "personalnummer", "mitarbeiternummer",
     "kullanici_adi", "用户名", "用户id", "ユーザー名",
     # ArcSight's CEF: the source's and the destination's user
     "suser", "duser", "suid", "duid",
     # one person's device, vehicle, membership, driving licence (Brazil's CNH), insurance policy
     "device_id", "deviceid", "identifier_for_vendor", "license_plate", "licence_plate", "number_plate",
     "vehicle_registration", "vehicle_plate", "plate", "plate_number", "plaka", "placa", "kenteken",
     "kennzeichen", "immatriculation", "targa", "matricula", "cnh", "loyalty_number", "loyalty_id",
     "frequent_flyer", "frequent_flyer_number", "membership_number", "member_number", "policy_number",
     "学号", "会員id", "会員番号",
     # the customer, the user, the patient, as a key of their own (customer= is one already)
     "kunde", "kundin", "cliente", "klient", "klant", "musteri", "abonne", "用户", "客户", "顾客", "顧客",
     "会员", "患者",
     # one person's browser or app installation (Segment's anonymousId, Firebase, Android)
     "anonymous_id", "anonymousid", "anon_id", "android_id", "installation_id", "install_id",
     "app_installation_id", "app_instance_id", "idfv")
_add("ssn", "identifikationsnummer", "steuer_identifikationsnummer", "steuerliche_identifikationsnummer",
     "steuer_idnr", "idnr", "sozialversicherungsnummer", "sv_nummer", "svnr", "numero_secu",
     "numero_securite_sociale", "securite_sociale", "num_secu", "rut", "cuit", "cuil", "tckn",
     "tc_kimlik", "tc_kimlik_no", "kimlik_no", "kimlik_numarasi", "identity_number", "identification_number",
     "national_id_number", "cpr", "cpr_nummer", "hetu", "henkilotunnus", "rodne_cislo", "fodselsnummer",
     "sofinummer", "burgerservicenummer", "ppsn", "amka", "egn", "oib", "jmbg", "medicare",
     "medicare_number", "fnr", "身份证", "身份证号", "身份证号码", "マイナンバー", "주민등록번호")
_add("iban", "kontonummer", "bankverbindung", "cuenta_bancaria", "numero_de_cuenta", "numero_compte",
     "compte_bancaire", "rib", "conto_corrente", "rekeningnummer", "numer_konta", "nr_rachunku",
     "hesap_no")
# ISO 20022 payment messages (pain.001/002, pacs.008): the party's postal address parts
_add("address", "strt_nm", "bldg_nb", "pst_cd", "twn_nm", "adr_line")
# Vietnamese (ho_ten, so_dien_thoai, ngay_sinh, dia_chi, the citizen's and the old identity
# card's numbers), Indonesian phones (no_hp), Malaysian, Singaporean and Philippine identity and
# social security numbers, Traditional Chinese (手機, 身分證, 出生日期), Turkish birth year and date
_add("person_name", "ho_ten", "hoten", "ho_va_ten", "ten_khach_hang")
_add("phone", "so_dien_thoai", "sodienthoai", "dien_thoai", "sdt", "no_hp", "nohp", "nomor_hp", "telp", "no_telp",
     "手機", "手機號碼", "行動電話")
_add("dob", "ngay_sinh", "ngaysinh", "dogum_tarihi", "dogum_yili", "dogumtarihi", "出生日期", "出生年月日")
_add("address", "dia_chi", "diachi")
# an identity document's number in Spanish and Portuguese (Brazil's pagador's documento: a CPF)
_add("ssn", "documento", "documento_identidad", "num_documento", "numero_documento_identidad")
# a German health insurance's and pension insurance's numbers
_add("ssn", "kvnr", "versichertennummer", "krankenversichertennummer", "versicherungsnummer", "rvnr",
     "rentenversicherungsnummer")
_add("ssn", "cccd", "cmnd", "so_cccd", "ic_no", "ic_number", "nric_no", "sss_no", "身分證", "身份證", "身分證號",
     "身分證字號", "身份證號碼")
# the keys above in scripts written without separators, longest first (classify_key reads
# them at the end of a longer key)
_SCRIPT_KEYS = tuple(sorted(((w, c) for w, c in _EXACT.items() if not w.isascii() and "_" not in w),
                            key=lambda wc: -len(wc[0])))

# Keys whose object value describes a person: a plain ``name`` inside is a person's name.
PERSONAL_PARENTS = frozenset({
    "customer", "user", "billing", "shipping", "contact", "recipient", "sender", "patient",
    "payer", "buyer", "cardholder", "holder", "person", "owner", "account_holder", "profile",
    "guest", "passenger", "employee", "member", "client", "subscriber", "shopper", "consumer",
    "beneficiary", "applicant", "student", "driver", "rider", "traveler", "traveller", "name",
    "full_name",
    "billing_address", "shipping_address", "address", "delivery", "from", "to", "reply_to",
    "cc", "bcc", "author", "assignee", "reporter", "requester", "actor", "identity",
    "ship_to", "bill_to", "shipto", "billto", "sold_to", "deliver_to",
    "usr", "participant", "attendee", "invitee",  # Datadog's usr.*, Zoom, Calendly
    # the same in other languages (as normalize_key spells them), and ISO 20022's parties
    "kunde", "cliente", "klient", "klant", "abonne", "utente", "usuario", "utilisateur", "benutzer",
    "nutzer", "gebruiker", "uzytkownik", "paciente", "patientin", "paziente", "mitarbeiter",
    "empleado", "employe", "dipendente", "musteri", "pagador", "titular", "destinatario",
    "empfanger", "absender", "remitente", "mittente", "comprador", "acheteur", "kaufer",
    "dbtr", "cdtr", "ultmt_dbtr", "ultmt_cdtr", "debtor", "creditor",
    "adresse", "direccion", "domicilio", "endereco", "indirizzo", "anschrift", "adres",
    "people", "practitioner", "courier", "insured", "policyholder", "claimant", "borrower", "guarantor",
    "visitor", "prescriber", "physician", "doctor", "taxpayer", "candidate",
    "consignee", "receiver", "cashier", "athlete", "viewer", "learner", "pupil",
    # applicants, workers, travellers, guests, couriers in other languages (aanvrager: {"naam": …})
    "livreur", "demandeur", "aanvrager", "antragsteller", "hakija", "borger", "sokande", "ansoger",
    "wnioskodawca", "richiedente", "solicitante", "requerente", "trabalhador", "trabajador", "viajero",
    "viajante", "voyageur", "reisender", "fahrgast", "passagier", "pasajero", "passageiro", "passeggero",
    "huesped", "hospede", "ospite", "nabywca", "danneggiato", "assicurato", "contraente", "beneficiario",
    "beneficiaria", "alumno", "aluno", "estudiante", "etudiant",
    # who writes, reads or listens to content, and whose identity an object is
    "creator", "influencer", "listener", "reader", "commenter",
    # who plays and who bets ({"player": {"id": "cas_220193", "firstName": …}})
    "player", "gamer", "bettor", "punter",
    # the insured, a driver and a courier in German, Polish, Dutch and the Nordic languages
    # (Versicherungsnehmer{id=77120, vorname=…}, Klient[id=66120, imie=…])
    "versicherungsnehmer", "versicherter", "versicherte", "fahrer", "kurier", "bezorger", "koerier",
    "ubezpieczony", "kierowca", "asiakas", "kund", "abonnent", "pracownik",
})  # fmt: skip
_IN_PARENT: dict[str, str] = {
    "name": "person_name", "first": "person_name", "last": "person_name",
    "full": "person_name", "given": "person_name", "family": "person_name",
    "middle": "person_name", "id": "user_id", "uuid": "user_id", "gid": "user_id", "login": "user_id",
    "handle": "user_id",
    "line1": "address", "line2": "address", "street": "address", "city": "address",
    "license": "ssn", "licence": "ssn",  # a driver's licence's number, in a person's object
    "zip": "address", "postal": "address", "postcode": "address", "house": "address",
    "number": "phone", "mobile": "phone", "phone": "phone", "email": "email",
    "birthday": "dob", "dob": "dob",
    # the same in other languages, and ISO 20022's Nm (a party's name)
    "nom": "person_name", "nombre": "person_name", "nome": "person_name", "naam": "person_name",
    "namn": "person_name", "navn": "person_name", "nimi": "person_name",
    "nm": "person_name", "name1": "person_name", "apelido": "person_name", "ort": "address", "stadt": "address", "ville": "address",
    "ciudad": "address", "citta": "address", "cidade": "address", "localidad": "address",
    "miasto": "address", "cap": "address", "rue": "address",
}  # fmt: skip

# The last words that _IN_PARENT reads after another only after these: a person's object's
# first_name or mobile_number, not its delivery_id or employee_number
_QUALIFIED = {
    "name": frozenset({"first", "last", "full", "given", "family", "middle", "display", "legal", "real",
                       "maiden", "nick", "sur", "preferred", "person", "contact", "holder"}),
    "id": frozenset({"user", "person", "login", "account", "external", "customer", "member", "contact", "profile",
                     "subject", "patient", "employee", "client"}),
    "number": frozenset({"phone", "mobile", "cell", "contact", "home", "work", "telephone", "tel", "fax"}),
}
_NOT_ADDRESS = frozenset({
    "ip", "mac", "email", "mail", "remote", "local", "server", "bind", "listen", "host",
    "peer", "socket", "memory", "mem", "base", "return", "contract", "wallet", "node",
    "proxy", "gateway", "broker", "upstream", "downstream", "forwarded", "dns", "src",
    "source", "dst", "destination", "target", "endpoint", "service", "internal", "public",
    "private", "virtual", "physical", "hw", "bluetooth", "multicast", "broadcast", "net",
    "network", "web", "url", "uri", "api", "bus", "register", "pointer", "ptr", "page",
})  # fmt: skip
_NAME_PREFIX = frozenset({
    "customer", "user", "first", "last", "full", "given", "family", "middle", "display",
    "cardholder", "holder", "contact", "recipient", "sender", "patient", "employee",
    "person", "billing", "shipping", "payer", "buyer", "owner", "guest", "passenger",
    "member", "real", "legal", "account", "subscriber", "driver", "rider",
    "shopper", "beneficiary", "applicant", "student", "maiden", "sur",
    "address", "participant", "attendee", "invitee", "usr",  # PayPal's address_name: the addressee
    "pan", "aadhaar", "aadhar", "passport", "kyc",  # the name an identity document carries (pan_name)
    "profile", "practitioner", "physician", "doctor", "candidate", "organizer", "prescriber", "taxpayer",
    "debtor", "creditor", "payee", "receiver", "consignee", "originator", "insured", "policyholder", "claimant",
    "traveler", "traveller", "borrower", "guarantor", "signer", "signatory", "athlete", "learner",
    "requester", "reporter", "author", "assignee", "submitter", "inviter", "technician",
})  # fmt: skip
# what owns a display or full name that is no person's (appDisplayName: Azure AD's sign-in log)
_NOT_PERSON_OWNER = frozenset({"app", "application", "service", "resource", "device", "product", "role", "group",
                               "team", "tenant", "org", "organization", "company", "file", "host", "project",
                               "repo", "repository", "package", "queue", "topic", "bucket"})
# the same for an attribute's dotted path, where a client is software (apollo.client.name)
_NOT_DOTTED_OWNER = _NOT_PERSON_OWNER | {"client", "agent", "server", "node", "pod", "container", "process", "job",
                                         "task", "worker", "cluster", "db", "database", "browser", "os", "sdk"}
# what a key counts or limits rather than names (max_user, num_users)
_COUNTED = frozenset({"max", "min", "num", "total", "count", "per", "no", "n", "limit", "is", "has", "allow",
                      "default", "anonymous", "guest", "test", "system", "root", "admin", "sys"})
# Keys that name a server's address, not a client's: a CDN's edge, a proxy's upstream, a
# mail server, a Kubernetes node or pod, a connection's responder or destination (Zeek's
# id.resp_h, a firewall's dstip), a firewall's NAT address. Their values are read as
# identifiers (kept); the client's side (src, client_ip, remote_addr) is tokenized as ever.
_SERVER_ADDRESS_KEYS = frozenset({
    "edge_ip", "edgeip", "server_ip", "serverip", "server_addr", "server_address", "host_ip", "hostip",
    "upstream_addr", "upstream_ip", "upstream_address", "backend_ip", "backend_addr", "node_ip", "pod_ip",
    "remote_mta_ip", "mta_ip", "mx_ip", "origin_ip", "resp_h", "id_resp_h", "dst_ip", "dstip", "dest_ip",
    "destination_ip", "destinationip", "dst_addr", "transip", "nat_ip", "snat_ip",
})  # fmt: skip
# Verbs that start a function's or a step's name (setSecret, get_token, rotatePassword)
_VERBS = frozenset({"set", "get", "create", "update", "delete", "rotate", "fetch", "load", "put", "validate",
                    "check", "generate", "store", "read", "write", "decrypt", "encrypt", "parse", "finish"})
# What a token is when it is no credential
_NOT_SECRET_TOKENS = frozenset({"request", "idempotency", "continuation", "pagination", "sync", "change", "page",
                                "next", "resume", "cursor"})
# national identity numbers that name the value as a key's last word, whatever comes before
# (dest_cpf, billing_dni, cf_rfc): not the short words that are other things too (sin, nie, nir)
_NATIONAL_ID_WORDS = frozenset({"cpf", "nif", "dni", "bsn", "pesel", "curp", "rfc", "aadhaar", "aadhar",
                                "personnummer", "codicefiscale", "steuernummer", "nino", "tckn", "cuit", "cuil"})
# the classes a key's last words name whatever comes before them (custom_field_…, kyc_…)
_SUFFIX_KINDS = frozenset({"ssn", "iban", "dob", "card"})  # (paymentCard.cardNumber)
_AUTH_PROVIDERS = frozenset({"firebase", "auth", "auth0", "cognito", "supabase", "clerk", "okta", "keycloak"})
# abbreviations of a person's role in keys (custNm, mbr_name, pat_name_l, guar_name)
_NAME_OWNER_ABBREVIATIONS = frozenset({"cust", "mbr", "rcvr", "sndr", "clnt", "emp", "pat", "guar", "subscr", "benef"})
# the parties of a payment whose bank account a key names (debtorAcct, bene_acct, dfi_account)
_BANK_PARTIES = frozenset({"debtor", "dbtr", "creditor", "cdtr", "bene", "benef", "remitter", "orderer", "ordering",
                           "sender", "receiver", "dfi", "holder", "counterparty", "drawee", "drawer"})
# (an OAuth client's id is an application's: clnt_id stays an identifier)
_ID_OWNER_ABBREVIATIONS = _NAME_OWNER_ABBREVIATIONS - {"clnt"}
_PERSON_ID_PREFIX = frozenset({
    "requester", "reporter", "author", "assignee", "submitter", "principal", "beneficiary", "payee",
    "user", "customer", "member", "patient", "employee", "subscriber", "player", "buyer",
    "payer", "shopper", "passenger", "guest", "student", "driver", "rider", "enduser",
    "person", "citizen", "applicant", "usr", "participant", "attendee", "invitee", "profile",
    "recipient", "anonymous", "contact", "visitor", "emp", "empl", "staff",  # recipientId, ajs_anonymous_id, a CRM's contact_id
    "athlete", "viewer", "courier", "learner", "pupil", "claimant", "insured", "policyholder", "traveler",
    "traveller", "borrower", "cardholder", "creator",
    # a player's account on a game platform (steamId, partnerSteamId, discord_id, playfabId, psnAccountId)
    "steam", "xbox", "xbl", "psn", "discord", "playfab", "gamer", "bettor", "punter",
    # the same in the languages services write their keys in (kunde_nr, id_cliente, usuario_id)
    "kunde", "kunden", "cliente", "usuario", "utente", "klant", "gebruiker", "mitglied", "socio", "abonnent",
    "mitarbeiter", "empleado", "paciente", "alumno", "aluno", "estudiante", "adherent", "benutzer", "nutzer",
    "kullanici", "musteri", "uye", "uzytkownik", "klient", "utilisateur", "assure",
    # abbreviations: a patient's, a member's, a German customer's number (PatNr, mbr_id, Kd-Nr)
    "pat", "mbr", "kd",
})  # fmt: skip
# Whose or which place a coordinate key names (dest_lat, pickup_lng, last_known_latitude)
_PLACE_PREFIX = frozenset({
    "dest", "destination", "pickup", "dropoff", "origin", "home", "user", "customer", "device", "current",
    "last", "known", "start", "end", "gps", "geo", "delivery", "billing", "shipping", "driver", "rider",
    "client", "location", "loc", "position", "pos",
})  # fmt: skip
# Whose postal code a key names, when its first word says so (billing_zip, home_postcode).
_POSTAL_OWNER = frozenset({
    "billing", "bill", "shipping", "ship", "home", "customer", "user", "mailing", "delivery",
    "residential", "contact", "member", "patient", "cardholder", "holder", "owner", "buyer",
    "payer", "account", "employee", "guest", "recipient", "sender", "personal",
})  # fmt: skip
_SECRET_KEY_PREFIX = frozenset({
    "api", "secret", "access", "private", "signing", "encryption", "master", "client", "license",
    "app", "consumer", "shared", "hmac", "auth", "session", "x_api", "admin", "service", "account",
    "deploy", "ssh", "gpg", "pgp", "rsa", "jwt", "webhook", "stripe", "aws", "gcp", "azure",
})  # fmt: skip
_SECRET_TAIL = frozenset({
    "password", "passwd", "pwd", "passphrase", "secret", "apikey", "credentials",
})  # fmt: skip
# "password" in other languages, as forms and APIs key it (anvandare=…&losenord=…, "senha": …)
_PASSWORD_WORDS = frozenset({
    "password", "passwd", "pwd", "passphrase", "passwort", "kennwort", "losenord", "contrasena", "senha",
    "wachtwoord", "haslo", "salasana", "heslo", "sifre", "parola", "jelszo", "adgangskode", "passord",
    "motdepasse", "mot_de_passe", "пароль", "パスワード", "密码", "密碼", "비밀번호",
})  # fmt: skip


def _fold_latin(c: str) -> str:
    """A Latin letter without its accents (é -> e); any other character as it is (the kana's
    voicing marks are part of the letter: ガ stays ガ)."""
    if c < "\u0080" or c > "\u024f":
        return c
    return "".join(d for d in unicodedata.normalize("NFKD", c) if not unicodedata.combining(d))


def normalize_key(key: str) -> str:
    """Lower-case snake form of a key: ``X-Api-Key`` and ``xApiKey`` give ``x_api_key``.

    Examples
    --------
    >>> normalize_key("customerEmail"), normalize_key('"Set-Cookie"'), normalize_key("Teléfono Móvil")
    ('customer_email', 'set_cookie', 'telefono_movil')
    """
    low = _CAMEL.sub("_", key).lower()
    if not low.isascii():  # Straße, teléfono, imię: as they are spelt in ASCII; 姓名, フリガナ as they are
        low = "".join(_fold_latin(c) for c in low.translate(_FOLD))
    return _SEP.sub("_", low).strip("_")


@lru_cache(maxsize=65536)
def _claim_name(key: str) -> str:
    """A SAML or WS-Federation claim keyed by its URI is named by its last part
    (``http://schemas.xmlsoap.org/ws/2005/05/identity/claims/givenname``: ``givenname``)."""
    if key.startswith(("http://", "https://")) and not key.endswith("/"):
        return key.rsplit("/", 1)[1]
    return key


# the keys of a part of a name, whoever's it is (receiver.lastname, driver_firstname); and the
# words before "name" that make one (driver_first_name)
_NAME_PART_WORDS = frozenset({"firstname", "lastname", "surname", "givenname", "familyname", "forename", "vorname",
                              "nachname", "apellido", "apellidos", "prenom", "cognome", "achternaam", "voornaam",
                              "nazwisko", "sobrenome"})
_NAME_PART_FIRSTS = frozenset({"first", "last", "given", "family", "sur", "middle"})
# the classes a key keeps with a number after it (Apellido1, Apellido2, phone2, email_2)
_NUMBERED_KINDS = frozenset({"person_name", "address", "phone", "email"})


# The fields of HL7 v2 segments that hold a person's data, by segment and field number
# (detectors' _hl7_segments reads segments with it; classify_key reads a field's path with
# it: msg['PID']['PID.5']['PID.5.1'], <PID.7>, pid_19)
HL7_FIELDS: dict[str, dict[int, str]] = {
    "PID": {2: "user_id", 3: "user_id", 4: "user_id", 5: "person_name", 6: "person_name", 7: "dob",
            9: "person_name", 11: "address", 13: "phone", 14: "phone", 18: "user_id", 19: "ssn", 20: "ssn"},
    "NK1": {2: "person_name", 4: "address", 5: "phone", 6: "phone", 30: "person_name", 31: "phone", 32: "address"},
    "GT1": {3: "person_name", 5: "address", 6: "phone", 7: "phone", 8: "dob", 12: "ssn"},
    "IN1": {16: "person_name", 18: "dob", 19: "address", 36: "user_id"},
    # the people an event, a visit, an order or a result names (XCN fields: id^family^given…):
    # the operator, the attending, referring, consulting and admitting doctors, who entered,
    # verified and ordered, the result's interpreter and observer; a merge's prior patient
    "EVN": {5: "person_name"},
    "PV1": {7: "person_name", 8: "person_name", 9: "person_name", 17: "person_name", 52: "person_name"},
    "PD1": {4: "person_name"},
    "ORC": {10: "person_name", 11: "person_name", 12: "person_name", 19: "person_name"},
    "OBR": {16: "person_name", 28: "person_name", 32: "person_name", 33: "person_name", 34: "person_name",
            35: "person_name"},
    "OBX": {16: "person_name"},
    "MRG": {1: "user_id", 2: "user_id", 3: "user_id", 4: "user_id", 7: "person_name"},
    "ROL": {4: "person_name"},
}  # fmt: skip
_HL7_PATH = re.compile(r"(?i)(PID|NK1|GT1|IN1)[._-]([0-9]{1,2})(?:[._-]([0-9]{1,2})(?:[._-][0-9]{1,2})?)?")


def classify_key(key: str, parent: str | None = None) -> str | None:
    """What the value under ``key`` is (see the module docstring for the classes).

    Parameters
    ----------
    key : str
        The key as written (any case or separator style).
    parent : str or None
        The key of the enclosing object, if any: ``name`` inside ``customer`` is a
        person's name.
    """
    if key.endswith("]") and 0 < key.find("[") < len(key) - 2:
        # a form's nested field (Rails, PHP, Stripe): billing_details[name], user[email]
        outer, field = key[:-1].rsplit("[", 1)
        hit = classify_key(field, outer.rsplit("[", 1)[-1].rstrip("]") or parent)
        if hit is not None:
            return hit  # else as one name: card[number] is card_number
    if len(key) > 2 and key[1] == "." and key[0].isalpha() and "." not in key[2:]:
        key = key[2:]  # an SQL table alias: c.postal_code, u.email
    elif 0 < key.rfind(".") < len(key) - 1 and not key.startswith("http"):
        # a flattened object's path: billing_details.name, ShipTo.Name, paymentCard.cardNumber.
        # The whole first (server.address is a server's, consignee.name1 a person's), then the
        # last field under its parent, unless that parent is software's (app.display_name).
        # Not a claim's URI, nor OpenTelemetry's http.* attributes: their headers' values are
        # read by what they hold (a JWT in http.request.header.authorization is a jwt)
        hit = classify_key(key.replace(".", "_"), parent)
        if hit is not None:
            return hit
        outer, field = key.rsplit(".", 1)
        owner = outer.rsplit(".", 1)[-1]
        hit = classify_key(field, owner)
        if hit in ("person_name", "named_person") and normalize_key(owner).split("_")[-1] in _NOT_DOTTED_OWNER:
            return None
        return hit

    hl7 = _HL7_PATH.fullmatch(key) if len(key) < 12 and key[:1] in "PNGIpngi" else None
    if hl7 is not None:  # an HL7 v2 field's path (PID.5.1, PID-19): what the field holds
        kind = HL7_FIELDS[hl7.group(1).upper()].get(int(hl7.group(2)))
        if kind == "user_id" and hl7.group(3) not in (None, "1"):
            return None  # an identifier's other components: PID.3.4, its assigning authority
        return kind
    k = normalize_key(_claim_name(key))
    if not k:
        return None
    if key[-3:].lower() == "__c" or key[-4:].lower() == "__pc":
        k = k.rsplit("_", 1)[0] or k  # a Salesforce custom field: App_User_Id__c, Date_of_Birth__pc
    if parent is not None and k in ("subscriber", "number", "national_number", "e164") and classify_key(parent) == "phone":
        return "phone"  # EMV 3-D Secure's mobilePhone: {"cc": "49", "subscriber": "1704432198"}
    hit = _EXACT.get(k)
    if hit is not None:
        return hit
    if k[-1].isdigit():
        hit = _EXACT.get(k.rstrip("0123456789").rstrip("_"))
        if hit in _NUMBERED_KINDS:
            return hit  # Apellido1, Apellido2, phone_2, email2: one of several
    if k.endswith(("_no", "_nr", "_num", "_nbr")):
        # passport_no, account_nr, member_num: the number its key names
        hit = classify_key(k.rsplit("_", 1)[0] + "_number", parent)
        if hit is not None:
            return hit
    if not k.isascii():
        for word, kind in _SCRIPT_KEYS:  # 用户手机号: a script that writes no separators
            if k.endswith(word):
                return kind
    if k.startswith("x_") and len(k) > 4:
        inner = classify_key(k[2:], parent)  # a custom header: X-Device-Id, X-User-Email
        if inner is not None:
            return inner
    if k.startswith("http_") and len(k) > 5:
        # CGI/WSGI request headers (Django's request.META): HTTP_AUTHORIZATION,
        # HTTP_X_API_KEY... are the headers they name
        inner = classify_key(k[5:], parent)
        if inner is not None:
            return inner
    if parent is not None and k == "identification" and normalize_key(parent).endswith("account"):
        return "iban"  # Open Banking's CreditorAccount.Identification: a sort code and account number
    if parent is not None and k in ("id", "uuid", "udid") and normalize_key(parent) in ("device", "device_info"):
        return "user_id"  # a crash reporter's device context (Bugsnag's, Sentry's): a person's phone
    if parent is not None and k in ("id", "uuid") and normalize_key(parent) in ("session", "sess", "user_session"):
        return "session_id"  # {"session": {"id": "sess_Q2w9…", "ip": …}}: the session's own id
    parts = k.split("_")
    if parent is not None and parts[-1] == "name" and normalize_key(parent) in ("caller", "callee"):
        return "named_person"  # a call's party (Asterisk's ARI) or code (zap's caller): a name if shaped like one
    if parent is not None and is_personal_parent(parent) and (
        len(parts) == 1 or parts[-1] not in _QUALIFIED or parts[-2] in _QUALIFIED[parts[-1]]
    ):
        inner = _IN_PARENT.get(parts[-1])
        if inner is not None:
            return inner
    last = parts[-1]
    if last in ("email", "mail", "emails", "correo", "courriel") and "id" not in parts:
        return "email"
    if last in ("username", "actor") or parts[-2:] in (["login", "name"], ["login", "id"]) or (
        last == "login" and len(parts) > 1 and parts[-2] in _PERSON_ID_PREFIX
    ):
        return "user_id"  # Traefik's ClientUsername, db_username, github.actor
    if last in ("version", "ver") and len(parts) > 1:
        return "id"  # rails_version=7.1.3.4, os_version: a version, never an IP address
    if last == "user" and len(parts) > 1 and parts[-2] not in _COUNTED:
        return "user_id"  # target_user, affected_user, impersonated_user (not max_user)
    if last == "by" and len(parts) > 1:
        return "named_person"  # created_by, approved_by: a person's name, an id or an e-mail
    if parts[-2:] in (["message", "key"], ["record", "key"], ["partition", "key"]):
        return "record_key"  # OpenTelemetry's messaging.kafka.message.key
    if len(parts) > 1 and parts[0] in _VERBS and (last in _SECRET_TAIL or last in ("token", "tokens")):
        return None  # a function's or a step's name, not a field: setSecret, getToken, rotatePassword
    if last in ("token", "tokens") and len(parts) > 1 and parts[-2] in _NOT_SECRET_TOKENS:
        return "id"  # AWS's ClientRequestToken, an idempotency or a pagination token: no credential
    if last in _SECRET_TAIL or (len(parts) > 1 and parts[-2:] in (["api", "key"], ["secret", "key"])):
        return "password" if last in ("password", "passwd", "pwd", "passphrase") else "secret"
    if last in _PASSWORD_WORDS or k in _PASSWORD_WORDS:
        return "password"
    if last in ("hash", "digest") and len(parts) > 1 and parts[-2] in ("password", "passwd", "pwd", "pass", "pw"):
        return "secret"  # password_hash, password_digest (Rails): crackable, so a secret
    if last in ("token", "tokens") and parts[0] not in ("csrf", "xsrf", "next", "page", "cancel"):
        return "secret"
    if last == "name" and len(parts) > 2 and parts[-2] in ("display", "full", "legal") and parts[-3] in _NOT_PERSON_OWNER:
        return None  # appDisplayName, service_full_name: an application's, not a person's
    if len(parts) > 2 and parts[0] == "name" and parts[1] == "on":
        return "person_name"  # name_on_card, name_on_pan, name_on_aadhaar: a person's as a document holds it
    if last == "name" and len(parts) > 1 and parts[-2] in _NAME_PREFIX:
        return "person_name"
    if last == "nm" and len(parts) > 1 and parts[-2] in _NAME_PREFIX | _NAME_OWNER_ABBREVIATIONS:
        return "person_name"  # customerNm, custNm, mbrNm: the abbreviation of Korean and Japanese systems
    if last == "name" and len(parts) > 1 and parts[-2] in _NAME_OWNER_ABBREVIATIONS:
        return "person_name"  # pat_name, mbr_name, guar_name: a claim's or a payroll file's abbreviations
    if (len(parts) > 2 and last in ("l", "f", "m", "last", "first", "middle") and parts[-2] in ("name", "nm")
            and parts[-3] in _NAME_PREFIX | _NAME_OWNER_ABBREVIATIONS):
        return "person_name"  # pat_name_l, pat_name_f, subscriber_name_last: a part of the name
    if last in ("phone", "mobile", "telephone", "msisdn", "telefono", "telefon", "telefone", "tel", "telp") or (
        parts[-2:] == ["phone", "number"]
    ):
        return "phone"
    if last in ("dob", "birthdate", "birthday") or parts[-2:] in (["of", "birth"], ["birth", "date"]):
        return "dob"
    if (last in ("address", "addr", "street") or parts[-2:] == ["address", "line"]) and not (
        _NOT_ADDRESS & set(parts)
    ):
        return "address"
    if "address" in parts[:-1] and _IN_PARENT.get(last) == "address" and not (_NOT_ADDRESS & set(parts)):
        return "address"  # a flattened object: shipping.address.line1, billing_address_city
    if (last in ("zip", "zipcode", "postcode") or parts[-2:] in (["postal", "code"], ["zip", "code"], ["post", "code"])) and (
        parts[0] in _POSTAL_OWNER
    ):
        return "address"  # billing_zip, shipping_postal_code, customerZip
    if k in ("calling_station_id", "called_station_id"):
        return None  # RADIUS: the client's MAC address or phone number, no identifier (the shapes read it)
    if last in ("lat", "lng", "lon", "latitude", "longitude") and len(parts) > 1 and parts[-2] in _PLACE_PREFIX:
        return "geo"  # dest_lat, pickup_lng (not a latency: p99_lat=120)
    if last in ("reference", "ref") and len(parts) > 1 and parts[-2] in _PERSON_ID_PREFIX:
        return "user_id"  # Adyen's shopperReference, customer_reference: the merchant's id for a person
    if last in ("number", "no", "nr", "num") and len(parts) > 1 and (
        parts[-2] in _PERSON_ID_PREFIX or parts[-2] in _ID_OWNER_ABBREVIATIONS
    ) and parts[-2] != "contact":
        return "user_id"  # customerNo, employee_number, member_nr, custNo: a person's number (contact_number is a phone)
    if last == "uid" and len(parts) > 1 and (parts[-2] in _PERSON_ID_PREFIX or parts[-2] in _AUTH_PROVIDERS):
        return "user_id"  # firebase_uid, customer_uid (not a Kubernetes pod_uid)
    if last == "id" and len(parts) > 1:
        if parts[-2] in _PERSON_ID_PREFIX or parts[-2] in _ID_OWNER_ABBREVIATIONS or (
            len(parts) > 2 and parts[-2] == "account" and parts[-3] in _PERSON_ID_PREFIX
        ):
            return "user_id"  # (custId; Atlassian's userAccountId, creatorAccountId: a person's account)
        if parts[-2] in ("session", "sess"):
            return "session_id"
        return "id"
    if k in _SERVER_ADDRESS_KEYS:
        return "id"  # a server's, an edge's or a connection's far end: no one's (read as an identifier)
    if last in ("ip", "ips") or parts[-2:] == ["ip", "address"]:
        return None  # the IP detectors decide, so a network stays a network
    if last == "cookie":
        return "cookie"
    if last in ("ssn", "iban", "cvv", "cvc"):
        return {"ssn": "ssn", "iban": "iban"}.get(last, "card")
    if last in ("imsi", "imei", "imeisv", "iccid", "mrn"):
        return "user_id"  # servedIMSI, old_imei, new_imei, patient_mrn: the subscriber's, handset's or patient's
    if last in ("account", "acct") and len(parts) > 1 and (parts[-2] in _PERSON_ID_PREFIX or parts[-2] in _BANK_PARTIES):
        return "user_id"  # patientAccount, customer_account, member_acct, debtorAcct: whose account it is
    if last == "document" and len(parts) > 1 and (parts[-2] in _PERSON_ID_PREFIX or parts[-2] in _BANK_PARTIES):
        return "ssn"  # payer.document, customer_document: the identity document's number (Brazil's CPF)
    if last in _NATIONAL_ID_WORDS or (len(parts) > 1 and parts[-2] == "ssn" and last in ("last4", "last", "4")):
        return "ssn"  # dest.CPF, _billing_dni, ticket_cf_rfc, ssnLast4: the number its last word names
    if last == "key" and len(parts) > 1:
        # api_key and signing_key are secrets; cache_key and dedup_key are not
        return "secret" if parts[-2] in _SECRET_KEY_PREFIX else None
    if last in ("signature", "auth"):
        return "weak_secret"
    if len(parts) == 1 and len(k) > 4 and k.endswith(("id", "number")):
        head = k[:-2] if k.endswith("id") else k[:-6]
        if head in _PERSON_ID_PREFIX:
            return "user_id"  # one word: employeeid, memberid, customernumber
    if len(parts) > 1 and (last in _NAME_PART_WORDS or (len(parts) > 2 and parts[-2] in _NAME_PART_FIRSTS and last == "name")):
        owner = parts[-3] if last == "name" else parts[-2]
        if owner not in _NOT_PERSON_OWNER and owner not in _NOT_DOTTED_OWNER:
            return "person_name"  # receiver.lastname=Öztürk, driver_first_name: a part of a name, one word or more
    if (len(parts) > 1 and _EXACT.get(last) == "person_name") or (last[-4:] == "name" and last[:-4] in _NAME_PREFIX):
        return "named_person"  # Ds_Titular, BRQ_…_CUSTOMERNAME: a person's name when shaped like one
    if len(parts) > 1 and _EXACT.get(last) in ROLE_CLASSES and _EXACT.get(last) != "party":
        return "named_person"  # ship_to_contact, emergency_contact: a person's name when shaped like one
    if len(parts) > 2:
        for i in range(1, len(parts) - 1):  # a custom field's key: custom_field_codice_fiscale
            hit = _EXACT.get("_".join(parts[i:]))
            if hit is not None and hit in _SUFFIX_KINDS:
                return hit
    return None



@lru_cache(maxsize=4096)
def is_personal_parent(key: str) -> bool:
    """Whether an object under ``key`` describes a person (``customer``, ``billing_details``).

    Examples
    --------
    >>> is_personal_parent("billing_details"), is_personal_parent("retry_policy")
    (True, False)
    """
    k = normalize_key(key)
    if k.endswith("s") and k[:-1] in PERSONAL_PARENTS:
        return True  # a list of them: "recipients": [{"name": …}], "customers"
    return k in PERSONAL_PARENTS or any(p in PERSONAL_PARENTS for p in k.split("_")[:-1] + [k.split("_")[-1]]
                                        if p not in ("to", "from", "cc"))


# Bind parameters and format slots stand for a value, they are none: email=? (SQL, JDBC),
# %s / %(email)s / {} / {email} / {{email}} / ${EMAIL} / $1 / :email, and Oracle's :B1 and :1
_PLACEHOLDER = re.compile(
    r"\?|%[sdrv]|%\(\w+\)[sdr]|\{\w*\}|\{\{\s*[\w.]*\s*\}\}|\$\{\w+\}|\$[0-9]+|:[a-z_]\w*|:B[0-9]+|:[0-9]+"
)
_HEX = re.compile(r"0x[0-9a-fA-F]+")
# What a validation error says of a field (Rails' "is invalid", "can't be blank"; Django's
# "Enter a valid …"; Laravel's "The phone field is required."), not a value of it
_VALIDATION_MESSAGE = re.compile(
    r"(?i)(?:is|are|was|were|can['’]t|cannot|can not|must|should|has|have|does|doesn['’]t|do not|"
    r"did not|not|invalid|required|too|already|enter|please|ensure|this field|this value|the \w+ field|"
    r"value|field|missing|malformed|expected|only|may not|needs?|wrong|unknown|unsupported)\b"
)
# The same in other languages, anywhere in the message ("CPF inválido", "Format ungültig")
_VALIDATION_WORDS = re.compile(
    r"(?i)(?<!\w)(?:inv[aá]lid[oa]s?|ungültig(?:e[rsn]?)?|invalide|non valid[oa]|nieprawidłow\w*|geçersiz|ongeldig|"
    r"obrigatóri[oa]|obligatori[oa]|requerid[oa]|erforderlich|requis|já está|ya existe|existe déjà|bereits vergeben|"
    # what a rule says a value must be (Bean Validation's "Größe muss zwischen 5 und 5 sein")
    r"muss|darf nicht|doit|debe|deve|moet|musi|måste|"
    # Swedish, Finnish, Czech and Russian "invalid" (Japanese, Chinese and Korean below); Django's "Ensure
    # this value has at most 70 characters" in its translations ("Stellen Sie sicher, dass …")
    r"ogiltig[at]?|virheellinen|neplatn\w*|недопустим\w*|некорректн\w*|неверн\w*|"
    r"stellen sie sicher|assurez-vous|asegúrese|certifique-se|assicurati|zorg ervoor|upewnij się|"
    r"säkerställ|höchstens|mindestens|"
    # and in English, anywhere in it ("The JSON value could not be converted to System.DateOnly")
    r"could not be|cannot be|can ?not be parsed|failed to parse|must match|must be|is not a valid)(?!\w)"
    r"|無効|无效|유효하지"  # (no word boundaries in these scripts: 無効です)
)
# A constructor's call, an object's start, not a value (address=Address(line1='…', …))
_CONSTRUCTOR = re.compile(r"[A-Z][A-Za-z0-9_]*\((?:[A-Za-z_][A-Za-z0-9_]*=|$)")
# A struct's field path as Go's validator names it (Key: 'Inscription.CodePostal'): no record key
_STRUCT_PATH = re.compile(r"(?:[A-Z][A-Za-z0-9]*\.)+[A-Z][A-Za-z0-9]*(?:\[[0-9]+\])?")
_SLUG = re.compile(r"[\w.-]+/[\w./-]+")
# A name in capitals, as cards, passports and bank messages write it: GIOVANNI FERRANTE, PIETER
# VAN DER BERG, or the airlines' and card networks' SURNAME/GIVEN (SANTOS/JOAO, OKONKWO/CHIDI MR)
_CAPS_WORD = r"[A-ZÀ-ÞĀ-Ž](?:['’]?[A-ZÀ-ÞĀ-Ž]){1,}(?:-[A-ZÀ-ÞĀ-Ž]{2,})?"
CAPS_NAME = re.compile(
    _CAPS_WORD + r"(?: (?:" + _CAPS_WORD + r"|[A-Z]\.?)){1,3}"
    # (the slash form: three letters or more each side, four or more on one: not TCP/IP, SRE/OPS)
    r"|(?=[^/]{4}|[^/]{3}/[^/ ]{4})(?=[^/]{3,}/[^/ ]{3})"
    + _CAPS_WORD + r"(?: " + _CAPS_WORD + r")?/" + _CAPS_WORD + r"(?: " + _CAPS_WORD + r")?"
    r"(?: ?(?:MR|MRS|MS|MISS|MSTR|DR|PROF))?"
    # and the registers' and pharmacies' SURNAME,GIVEN (LEBLANC,JOSEPH; BECKER, TRAVIS L), three
    # letters or more each side
    r"|(?=[^,]{3,}, ?[^ ,]{3})" + _CAPS_WORD + r"(?: " + _CAPS_WORD + r")?, ?" + _CAPS_WORD
    + r"(?: (?:" + _CAPS_WORD + r"|[A-Z]\.?))?"
)
_ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_URL_START = re.compile(r"[A-Za-z][A-Za-z0-9+.-]{1,15}://")
_FIELD_NAME = re.compile(r"[a-z][a-z_]*(?:\.[a-z][a-z_]*)*")
_MACHINE_ADDRESS = re.compile(r"(?:0x)?[0-9a-fA-F]+|[0-9.:\[\]]+|[\w.-]+:[0-9]{1,5}")


def is_placeholder(value: str) -> bool:
    """Whether ``value`` stands for a value instead of being one: a bind parameter or a
    format slot (``?``, ``$1``, ``%s``, ``{name}``, ``:email``), alone or as the first word
    of a value read over several words (``zip_code = $1 AND status = 2``: an address's or a
    name's value runs on past spaces).

    Examples
    --------
    >>> is_placeholder("$1"), is_placeholder("? AND status = 2"), is_placeholder("94107")
    (True, True, False)
    """
    v = value.strip()
    if _PLACEHOLDER.fullmatch(v):
        return True  # also {{ email }}, which has spaces in it
    words = v.split(None, 1)
    return bool(words) and _PLACEHOLDER.fullmatch(words[0].rstrip(",;:.)")) is not None


# A service's own account, as services name them: billing-svc, app_ro, svc-payments,
# etl_writer, report-bot (a database's, a broker's or a CI's login, no one's)
_SERVICE_ACCOUNT = re.compile(
    # (not app-user-553201: one of an app's users)
    r"(?:svc|srv|sa|app|bot)[-_](?!(?:user|usr|customer|cust|member|client|player|account|acct|person)[-_0-9])"
    r"[a-z0-9]+(?:[-_][a-z0-9]+)*|"
    r"[a-z][a-z0-9]*(?:[-_][a-z0-9]+)*[-_](?:svc|service|srv|bot|app|api|ro|rw|readonly|readwrite|"
    r"worker|daemon|agent|system|sa|etl|batch|cron|job|jobs|replicator|replication|repl|monitor|monitoring|"
    r"exporter|backup|migrator|migrations?)"
)


_COMPANY = re.compile(
    r"[ ,](?:AG|GmbH|Ltd\.?|LTD\.?|Limited|LIMITED|Inc\.?|INC\.?|LLC|L\.L\.C\.|S\.A\.S?|SAS|SA|S\.p\.A\.|SpA|S\.r\.l\.|"
    r"Srl|SRL|B\.V\.|BV|N\.V\.|NV|SE|plc|PLC|Oy|AB|A/S|ASA|KG|KGaA|Pty|PTY|LLP|Corp\.?|CORP\.?|S\.L\.|SL|"
    r"Sp\. z o\.o\.|s\.r\.o\.|Kft\.?|Zrt\.?|Ltda\.?|S\.A\. de C\.V\.|K\.K\.|Co\.,? Ltd\.?|"
    r"(?i:corporation|company|holdings?|group))\Z"
)
_MASKED_RUN = re.compile(r"[*xX•#]{4,}")
_MACHINE_ACCOUNT = re.compile(r"(?:[\w-]{1,64}\\)?[A-Za-z0-9][A-Za-z0-9-]{0,14}\$")


def is_machine_account(value: str) -> bool:
    r"""Whether a login is a Windows computer's own account (its NetBIOS name and ``$``).

    Examples
    --------
    >>> is_machine_account("DC01$"), is_machine_account("CORP\\WS-0142$"), is_machine_account("k.nowak")
    (True, True, False)
    """
    return _MACHINE_ACCOUNT.fullmatch(value) is not None


# Database and application roles named after what they serve (a PostgreSQL log line's
# "[812] analytics@dwh LOG:", "provisioning@telco"): a business function, a department, a tool
_ROLE_WORDS = frozenset({
    "shop", "store", "crm", "erp", "hr", "hris", "finance", "accounting", "billing", "payments", "payment",
    "orders", "inventory", "catalog", "search", "analytics", "analyst", "reporting", "reports", "report",
    "audit", "auditor", "provisioning", "support", "sales", "marketing", "ops", "dba", "owner", "readonly",
    "reader", "writer", "backup", "replication", "replicator", "monitor", "monitoring", "metabase", "airflow",
    "dbt", "debezium", "keycloak", "superset", "looker", "tableau", "etl", "elt", "dwh", "warehouse",
    "app", "api", "web", "backend", "frontend", "service", "worker", "scheduler", "cron", "batch",
    "migrations", "migrator", "flyway", "liquibase", "portal", "gateway", "personal", "buchhaltung",
    "vertrieb", "lager", "kasse", "produktion", "compta", "ventes", "ventas", "contabilidad",
})  # fmt: skip


def is_service_account(value: str) -> bool:
    """Whether a login is a service's own, by the words services name theirs with: a
    service word before or after it (billing-svc, app_ro), a business function's name
    (analytics, provisioning), or words joined by underscores none of which is a name or
    an initial and a surname (patient_portal, bank_core; not jdiaz_billing).

    Examples
    --------
    >>> is_service_account("billing-svc"), is_service_account("app_ro"), is_service_account("marta.kowalska")
    (True, True, False)
    >>> is_service_account("analytics"), is_service_account("patient_portal"), is_service_account("anna_berg")
    (True, True, False)
    """
    if _SERVICE_ACCOUNT.fullmatch(value) is not None or value in _ROLE_WORDS:
        return True
    parts = value.split("_")
    return (len(parts) > 1 and all((len(p) >= 3 or p in _ROLE_WORDS) and p.isalpha() and p.islower() for p in parts)
            and not any(is_given_name(p) or is_surname(p) or (len(p) > 4 and is_surname(p[1:])) for p in parts))


# A person's id as services write it under a role's key: a short prefix and a numbered or
# opaque part (usr_51f0b7a9c3, LY-DE-0093318842, cour_PL_33018), letters then digits
# (S00918273), a number, or a login (first.last)
_ROLE_ID = re.compile(
    r"[A-Za-z]{1,8}(?:[_-][A-Za-z]{1,8}){0,2}[_-](?=(?:[A-Za-z]*[0-9]){3})[A-Za-z0-9]{4,40}(?:-[0-9]{2,8}){0,3}"
    r"|[A-Za-z]{1,4}[0-9]{5,20}|[0-9]{4,20}|(?P<login>[a-z]{2,20})\.[a-z]{2,30}"
)
# first words of a dotted name that is code's, not a person's login (org.postgresql)
_CODE_PREFIXES = frozenset({"org", "com", "net", "io", "java", "javax", "android", "androidx", "sun", "kotlin",
                            "scala", "app", "www", "api", "svc", "kube", "system", "default", "node", "pod"})


def is_role_id(value: str) -> bool:
    """Whether ``value``, under a key that names a role only people have (``person_role``),
    is shaped like that person's id or login.

    Examples
    --------
    >>> is_role_id("usr_51f0b7a9c3"), is_role_id("S00918273"), is_role_id("jakob.eriksen")
    (True, True, True)
    >>> is_role_id("worker-3"), is_role_id("org.postgresql"), is_role_id("Jakob Eriksen"), is_role_id("42")
    (False, False, False, False)
    """
    m = _ROLE_ID.fullmatch(value)
    if m is None:
        return False
    return m.group("login") is None or m.group("login") not in _CODE_PREFIXES


def is_plausible(kind: str, value: str) -> bool:
    """Whether ``value`` can be personal data of ``kind`` named by a key.

    Keys are ambiguous in a few well-known ways: ``addr=0x18`` in a Go panic is a
    memory address and ``address=10.0.0.7:5432`` a network one (the IP detectors
    see to those), not where someone lives.

    Examples
    --------
    >>> is_plausible("address", "0x18"), is_plausible("address", "221B Baker Street")
    (False, True)
    >>> is_plausible("address", "7f3a9c10"), is_plausible("address", "69003")
    (False, True)
    >>> is_plausible("email", "?"), is_plausible("email", "connection")
    (False, False)
    >>> is_plausible("password", "YES"), is_plausible("password", "hunter2")
    (False, True)
    """
    v = value.strip()
    if is_placeholder(v) or _CONSTRUCTOR.match(v) is not None:
        return False  # (a constructor's call is an object's start: address=Address(line1='…', …))
    if kind == "dob" and not any(c.isdigit() for c in v):
        return False  # "DateOfBirth: parsing time …": a date has digits
    if kind == "ssn" and not any(c.isdigit() for c in v) and ("." in v or not v.isupper()):
        return False  # an identity number is no file's or word's name ("documento": "fatura.pdf")
    if kind not in ("password", "secret") and " " in v and (
            _VALIDATION_MESSAGE.match(v) or _VALIDATION_WORDS.search(v)):
        return False  # a form's error under the field's key: {"postcode": ["is not a valid UK postcode"]}
    if kind == "person_name" and _SLUG.fullmatch(v) and CAPS_NAME.fullmatch(v) is None:
        return False  # a repository's or a package's full name: harborlight/checkout-service
    if kind == "address":  # "Address: 0xc000123456 (heap)": a machine address, then words
        if v.isdecimal() and 3 <= len(v) <= 10:
            return True  # a postal code ("plz": "50674"); a machine's address is hex or has a colon
        if len(v) <= 5 and v[:-1].isdecimal() and v[-1].isalpha():
            return True  # a house number with its letter ("houseNumber": "14a")
        first = v.split(" ", 1)[0]
        return (_MACHINE_ADDRESS.fullmatch(v) is None and _HEX.fullmatch(first) is None
                and _URL_START.match(v) is None)  # VAULT_ADDR=https://vault.internal:8200: a server's
    if kind == "password" and v in ("YES", "NO"):
        return False  # MySQL's "Access denied ... (using password: YES)" says whether one was sent
    if kind == "phone":  # "phone: 10:32:07" (a time), "phone: 2024-06-11": no number
        return sum(c.isdigit() for c in v) >= 3 and _ISO_DATE.fullmatch(v) is None
    if kind == "person_name" and _COMPANY.search(v) is not None:
        return False  # a business's name: Bergmann Maschinenbau AG, Acme Ltd (a person's name has no legal form)
    if kind in ("user_id", "person_name") and is_machine_account(v):
        return False  # a Windows computer's account: DC01$, WS-0142$
    if kind == "user_id" and (v.startswith("system:") or is_service_account(v)):
        return False  # Kubernetes' own identities (system:serviceaccount:ci:argo-workflow), billing-svc
    if kind == "session_id" and v.isdigit() and len(v) <= 12:
        return False  # a firewall's or a database's session number (FortiGate's sessionid=88411293)
    if kind == "user_id" and v.startswith(("CN=*.", "cn=*.")):
        return False  # a certificate's subject names hosts: CN=*.corp-proxy.local,O=Internal
    if kind == "card" and (sum(c.isdigit() for c in v) < 3 or _MASKED_RUN.search(v) is not None):
        # an e-mail's "cc: Ana de la Cruz <…>" (a card's number or code has digits); a masked
        # number, which shows the BIN and the last four at most (411111******1111)
        return False
    if kind == "mac" and _MAC_VALUE.fullmatch(v) is None:
        return False  # client_mac=unknown, mac=auto: a MAC key holds an address in one of its shapes
    if kind == "iban" and sum(c.isdigit() for c in v) < 4:
        return False  # "iban: country not supported": a bank account's number has digits
    if kind == "email" and v.endswith(".gserviceaccount.com"):
        return False  # a Google Cloud service account: a machine's (terraform-ci@….iam.gserviceaccount.com)
    if kind == "record_key" and _FIELD_NAME.fullmatch(v):
        return False  # a protobuf Struct's or a map's field name: key: "email", key: "envoy.filters.http.jwt_authn"
    if kind == "record_key" and _STRUCT_PATH.fullmatch(v):
        return False  # Go's validator: "Key: 'Inscription.CodePostal' Error:Field validation for …"
    if kind == "user_id" and v in ("AnonymousUser", "anonymous", "Anonymous"):
        return False  # Django's request.user before a login
    if kind == "user_id" and v.startswith("repo:") and ":ref:" in v:
        return False  # GitHub Actions' OIDC subject names a repository and a branch
    if kind == "email":  # "mail: connection refused" names no address
        return "@" in v or "%40" in v
    return True


_NOT_INHERITED = frozenset({None, "id", "weak_secret", "record_key", "cookie", "user_id", "session_id",
                            *ROLE_CLASSES})
# what an object under an "authorization" key says of a grant (Azure's activity log), not a secret
_GRANT_DETAILS = frozenset({"scope", "action", "actions", "evidence", "role", "role_assignment_id",
                            "role_assignment_scope", "role_definition_id", "principal_type", "type", "kind",
                            "status", "decision", "result", "reason", "policy", "permission", "permissions"})
# Objects that describe a Kubernetes object (an event's involvedObject, an audit event's
# objectRef, any metadata): their uid is the object's, no user's
_K8S_OBJECTS = frozenset({"involved_object", "involvedobject", "metadata", "object_ref", "objectref",
                          "owner_references", "ownerreferences", "regarding", "related", "object"})
# The fields of a card object (Stripe's payment_method.card, Adyen's, Braintree's) that are
# no card number: PCI DSS allows showing the last four digits, the brand and the expiry
_CARD_DETAILS = frozenset({
    "brand", "bin", "iin", "card_bin", "first6", "first_6", "first_six", "last4", "last_4", "last_four", "last_digits", "exp_month", "exp_year", "expiry_month",
    "expiry_year", "expiration_month", "expiration_year", "funding", "country", "network", "networks",
    "type", "card_type", "scheme", "issuer", "wallet", "fingerprint", "three_d_secure_usage", "checks",
    "display_brand", "regulated_status", "available", "preferred", "generated_from", "description",
    # an object's own id, title and link: a payment card's (card_1Nx…) or a board's card (Trello, Pipefy)
    "id", "uuid", "title", "url", "short_url", "short_link", "pipe_id", "board_id", "list_id", "status",
})  # fmt: skip


# the last words of a key that describes a personal value rather than holds it
_DESCRIPTIVE = frozenset({"type", "kind", "status", "code", "source", "verified", "valid", "format", "provider", "vr",
                          "category", "confidence", "score", "label", "primary"})


def child_class(name: str, parent: str | None, inherited: str | None) -> str | None:
    """The class of the value under ``name`` inside an object found under ``parent``.

    An object under a key that names personal data passes that class to values
    whose own key says nothing (``{"email": {"work": ...}}``); objects under
    ``user`` or ``session`` do not (they hold plenty that is not personal).

    Examples
    --------
    >>> child_class("work", "email", "email"), child_class("tier", "customer", "user_id")
    ('email', None)
    >>> child_class("name", "customer", "user_id"), child_class("last4", "card", "card")
    ('person_name', None)
    >>> child_class("csrftoken", "cookies", "cookie"), child_class("path", "cookie", "cookie")
    ('cookie', None)
    """
    own = classify_key(name, parent)
    if own == "user_id" and parent is not None and normalize_key(parent) in _K8S_OBJECTS and normalize_key(name) == "uid":
        return "id"
    if own is None and inherited == "cookie" and parent is not None and normalize_key(parent).endswith("cookies"):
        return "cookie"  # a cookie jar ({"cookies": {"csrftoken": …}}): each value is a cookie's
    if own is None and inherited not in _NOT_INHERITED:
        if inherited == "card" and normalize_key(name) in _CARD_DETAILS:
            return None  # what a card object says of its card, not its number: brand, last4
        if inherited == "secret" and normalize_key(name) in _GRANT_DETAILS:
            return None  # Azure's "authorization": {"scope": …, "action": …}: what was allowed, no secret
        if inherited not in ("secret", "password") and normalize_key(name).rsplit("_", 1)[-1] in _DESCRIPTIVE:
            return None  # what an object says of its value: Twilio Lookup's caller_name.caller_type, a phone's type
        return inherited
    return own


# A person's record, known by what it holds rather than by its own key: an object with a
# contact key filled in (a bare "email" or "phone", not "receipt_email") is one person's
# ({"name": "Noah Fischer", "email": …, "address": {…}}: a Stripe customer in a job's
# arguments, Segment's traits, Mixpanel's $name beside $email, an ORM's create() data);
# with a name key too it is a record of people, whose "id" is that person's (a CDC row,
# a CRM export). FHIR names its people's resources.
_CONTACT_KEYS = frozenset({
    "email", "e_mail", "mail", "email_address", "emailaddress", "phone", "phone_number", "phonenumber",
    "mobile", "mobile_phone", "mobilephone", "mobile_number", "telephone", "msisdn", "upn",
    "telefono", "telefone", "telefon", "celular", "movil", "handy", "correo", "courriel",
})  # fmt: skip
# Keys that say what an object is (Okta's actor and targets, Stripe's objects, Graph's @odata.type)
_TYPE_KEYS = frozenset({"type", "object_type", "objecttype", "entity_type", "actor_type", "principal_type",
                        "odata_type", "object", "kind"})
# A person's object type (User, customer, "#microsoft.graph.user") and what no person's is
# even with such a word in it (ServicePrincipal, PublicClientApp, "UserGroup")
_PERSON_TYPE = re.compile(r"(?i:user|person|people|customer|member|employee|contact|patient|guest|subscriber)")
_NOT_PERSON_TYPE = re.compile(r"(?i:service|group|device|bot|role|policy|resource|system|team)")


def is_person_type(value: str) -> bool:
    """Whether an object's type names a person (``User``, ``customer``, ``#microsoft.graph.user``).

    Examples
    --------
    >>> is_person_type("User"), is_person_type("PublicClientApp"), is_person_type("ServicePrincipal")
    (True, False, False)
    """
    return _PERSON_TYPE.search(value) is not None and _NOT_PERSON_TYPE.search(value) is None


_RECORD_NAME_KEYS = frozenset({
    "first_name", "firstname", "last_name", "lastname", "given_name", "givenname", "family_name",
    "familyname",
})  # fmt: skip
_RECORD_FULL_NAME_KEYS = frozenset({"full_name", "fullname", "name", "nombre", "nome", "nom", "naam", "nama"})
FHIR_PEOPLE = frozenset({"Patient", "Person", "Practitioner", "RelatedPerson"})
_TYPED_NAMES = frozenset({"name", "display_name", "displayname", "full_name", "fullname", "id", "alternate_id"})


@lru_cache(maxsize=16384)
def record_role(key: str) -> int:
    """What ``key`` tells of the object it is in (see ``detectors.person_record``): 1 a
    contact key, 2 a part of a person's name, 4 a whole name (a person's when shaped like
    one), 3 FHIR's ``resourceType``, 5 an object's type, 0 nothing."""
    k = normalize_key(_claim_name(key))
    if k in _CONTACT_KEYS:
        return 1
    if k in _RECORD_NAME_KEYS or k in ("givenname", "surname"):
        return 2
    if k in _RECORD_FULL_NAME_KEYS:
        return 4
    if k in _TYPE_KEYS:
        return 5
    return 3 if k == "resource_type" else 0


def record_class(name: str, cls: str | None, record: int) -> str | None:
    """The class of the value under ``name`` in a person's record (``record`` from
    ``detectors.person_record``), given the class ``cls`` its key has elsewhere: a bare ``name``
    is the person's when shaped like a name (``named_person``), and in a record of
    people (2) the ``id`` is the person's.

    Examples
    --------
    >>> record_class("name", None, 1), record_class("id", None, 2), record_class("id", None, 1)
    ('named_person', 'user_id', None)
    """
    if record == -1:  # a typed object that is no person: its names and its id are not a person's
        if (cls in ROLE_CLASSES or cls in ("person_name", "user_id")) and normalize_key(name) in _TYPED_NAMES:
            return None
        return cls
    if not record or cls not in (None, "id"):
        return cls
    k = normalize_key(name)
    if k in _RECORD_FULL_NAME_KEYS and cls is None:
        return "named_person"  # (nombre, nome, nom: "name" in Spanish, Portuguese and French)
    if k in ("id", "alternate_id", "external_id", "externalid") and record == 2:
        return "user_id"
    return cls


def looks_random(value: str) -> bool:
    """Whether a value under a ``key=``/``token=`` name looks like a generated secret.

    Long enough, mixing letters and digits, and with high character entropy;
    words, paths and short codes do not qualify.

    Examples
    --------
    >>> looks_random("f3Kx9QpL2vWz8RtY"), looks_random("user:123:profile"), looks_random("expired")
    (True, False, False)
    """
    v = value.strip("\"'")
    if len(v) < 12 or " " in v or "(" in v:  # no token format has a bracket: passwd-file(jdoe
        return False
    has_digit = any(c.isdigit() for c in v)
    has_alpha = any(c.isalpha() for c in v)
    if not (has_digit and has_alpha):
        return len(v) >= 24 and shannon_entropy(v) >= 3.5
    if v.count(":") >= 2 or v.count("/") >= 2 or v.count(".") >= 3 or _CODE.fullmatch(v):
        return False
    return shannon_entropy(v) >= 3.2


# --- compiled twin (features.privacy._native) ---
# The build compiles this file up to the line above; when a build for this source is
# loaded, its functions and classes take the place of the ones defined above.
from features.privacy._native import adopt as _adopt  # noqa: E402

_adopt(globals())

--
-- PostgreSQL database dump
--


-- Dumped from database version 15.20 (Debian 15.20-0+deb12u1)
-- Dumped by pg_dump version 15.20 (Debian 15.20-0+deb12u1)

SET statement_timeout = 0;
SET lock_timeout = 0;
SET idle_in_transaction_session_timeout = 0;
SET client_encoding = 'UTF8';
SET standard_conforming_strings = on;
SELECT pg_catalog.set_config('search_path', '', false);
SET check_function_bodies = false;
SET xmloption = content;
SET client_min_messages = warning;
SET row_security = off;

SET default_tablespace = '';

SET default_table_access_method = heap;

--
-- Name: attribution; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.attribution (
    id integer NOT NULL,
    room character varying(100) NOT NULL,
    upto_id bigint NOT NULL,
    runs text NOT NULL
);


--
-- Name: attribution_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

CREATE SEQUENCE public.attribution_id_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


--
-- Name: attribution_id_seq; Type: SEQUENCE OWNED BY; Schema: public; Owner: -
--

ALTER SEQUENCE public.attribution_id_seq OWNED BY public.attribution.id;


--
-- Name: checkpoint; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.checkpoint (
    id bigint NOT NULL,
    room character varying(100) NOT NULL,
    upto_id bigint NOT NULL,
    at double precision NOT NULL,
    state bytea NOT NULL
);


--
-- Name: checkpoint_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

CREATE SEQUENCE public.checkpoint_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


--
-- Name: checkpoint_id_seq; Type: SEQUENCE OWNED BY; Schema: public; Owner: -
--

ALTER SEQUENCE public.checkpoint_id_seq OWNED BY public.checkpoint.id;


--
-- Name: congress; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.congress (
    id integer NOT NULL,
    slug character varying(48) NOT NULL,
    title character varying(200) NOT NULL,
    edition character varying(100) NOT NULL,
    starts_on date,
    ends_on date,
    phase character varying(20) NOT NULL,
    created_at double precision NOT NULL
);


--
-- Name: congress_document; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.congress_document (
    id integer NOT NULL,
    congress_id integer NOT NULL,
    kind character varying(40) NOT NULL,
    room character varying(100) NOT NULL
);


--
-- Name: congress_document_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

CREATE SEQUENCE public.congress_document_id_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


--
-- Name: congress_document_id_seq; Type: SEQUENCE OWNED BY; Schema: public; Owner: -
--

ALTER SEQUENCE public.congress_document_id_seq OWNED BY public.congress_document.id;


--
-- Name: congress_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

CREATE SEQUENCE public.congress_id_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


--
-- Name: congress_id_seq; Type: SEQUENCE OWNED BY; Schema: public; Owner: -
--

ALTER SEQUENCE public.congress_id_seq OWNED BY public.congress.id;


--
-- Name: contribution; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.contribution (
    id integer NOT NULL,
    congress_id integer NOT NULL,
    key character varying(100) NOT NULL,
    author_id integer,
    author_name character varying(200) NOT NULL,
    title character varying(300) NOT NULL,
    text text NOT NULL,
    axis character varying(200) NOT NULL,
    source character varying(10) NOT NULL,
    created_at double precision NOT NULL,
    updated_at double precision NOT NULL,
    vector_key character varying(64),
    vector bytea
);


--
-- Name: contribution_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

CREATE SEQUENCE public.contribution_id_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


--
-- Name: contribution_id_seq; Type: SEQUENCE OWNED BY; Schema: public; Owner: -
--

ALTER SEQUENCE public.contribution_id_seq OWNED BY public.contribution.id;


--
-- Name: invitation; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.invitation (
    id character varying(40) NOT NULL,
    congress_id integer NOT NULL,
    role character varying(20) NOT NULL,
    participant_id integer,
    created_at double precision NOT NULL,
    expires_at double precision NOT NULL,
    revoked_at double precision
);


--
-- Name: named_version; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.named_version (
    id integer NOT NULL,
    congress_id integer NOT NULL,
    name character varying(200) NOT NULL,
    "position" bigint NOT NULL,
    created_by character varying(200) NOT NULL,
    created_at double precision NOT NULL
);


--
-- Name: named_version_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

CREATE SEQUENCE public.named_version_id_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


--
-- Name: named_version_id_seq; Type: SEQUENCE OWNED BY; Schema: public; Owner: -
--

ALTER SEQUENCE public.named_version_id_seq OWNED BY public.named_version.id;


--
-- Name: participant; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.participant (
    id integer NOT NULL,
    congress_id integer NOT NULL,
    name character varying(200) NOT NULL,
    role character varying(20) NOT NULL,
    commune character varying(200) NOT NULL,
    department character varying(3) NOT NULL,
    site character varying(10) NOT NULL,
    contact character varying(200) NOT NULL,
    created_at double precision NOT NULL,
    revoked_at double precision,
    claimed_at double precision,
    group_invitation_id character varying(40)
);


--
-- Name: participant_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

CREATE SEQUENCE public.participant_id_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


--
-- Name: participant_id_seq; Type: SEQUENCE OWNED BY; Schema: public; Owner: -
--

ALTER SEQUENCE public.participant_id_seq OWNED BY public.participant.id;


--
-- Name: publication; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.publication (
    congress_id integer NOT NULL,
    "position" bigint NOT NULL,
    published_at double precision NOT NULL,
    published_by character varying(200) NOT NULL
);


--
-- Name: theme; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.theme (
    id integer NOT NULL,
    congress_id integer NOT NULL,
    "position" integer NOT NULL,
    name character varying(200) NOT NULL,
    words text NOT NULL,
    members text NOT NULL,
    reviewed boolean NOT NULL
);


--
-- Name: theme_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

CREATE SEQUENCE public.theme_id_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


--
-- Name: theme_id_seq; Type: SEQUENCE OWNED BY; Schema: public; Owner: -
--

ALTER SEQUENCE public.theme_id_seq OWNED BY public.theme.id;


--
-- Name: theme_run; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.theme_run (
    congress_id integer NOT NULL,
    ran_at double precision NOT NULL,
    k integer,
    proposed_k integer,
    contributions integer NOT NULL,
    seconds double precision NOT NULL,
    near_duplicates text NOT NULL
);


--
-- Name: update_log; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.update_log (
    id bigint NOT NULL,
    room character varying(100) NOT NULL,
    at double precision NOT NULL,
    author character varying(200) NOT NULL,
    data bytea NOT NULL
);


--
-- Name: update_log_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

CREATE SEQUENCE public.update_log_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


--
-- Name: update_log_id_seq; Type: SEQUENCE OWNED BY; Schema: public; Owner: -
--

ALTER SEQUENCE public.update_log_id_seq OWNED BY public.update_log.id;


--
-- Name: web_session; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.web_session (
    id character varying(64) NOT NULL,
    participant_id integer NOT NULL,
    invitation_id character varying(40) NOT NULL,
    created_at double precision NOT NULL,
    expires_at double precision NOT NULL,
    ended_at double precision
);


--
-- Name: attribution id; Type: DEFAULT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.attribution ALTER COLUMN id SET DEFAULT nextval('public.attribution_id_seq'::regclass);


--
-- Name: checkpoint id; Type: DEFAULT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.checkpoint ALTER COLUMN id SET DEFAULT nextval('public.checkpoint_id_seq'::regclass);


--
-- Name: congress id; Type: DEFAULT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.congress ALTER COLUMN id SET DEFAULT nextval('public.congress_id_seq'::regclass);


--
-- Name: congress_document id; Type: DEFAULT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.congress_document ALTER COLUMN id SET DEFAULT nextval('public.congress_document_id_seq'::regclass);


--
-- Name: contribution id; Type: DEFAULT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.contribution ALTER COLUMN id SET DEFAULT nextval('public.contribution_id_seq'::regclass);


--
-- Name: named_version id; Type: DEFAULT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.named_version ALTER COLUMN id SET DEFAULT nextval('public.named_version_id_seq'::regclass);


--
-- Name: participant id; Type: DEFAULT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.participant ALTER COLUMN id SET DEFAULT nextval('public.participant_id_seq'::regclass);


--
-- Name: theme id; Type: DEFAULT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.theme ALTER COLUMN id SET DEFAULT nextval('public.theme_id_seq'::regclass);


--
-- Name: update_log id; Type: DEFAULT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.update_log ALTER COLUMN id SET DEFAULT nextval('public.update_log_id_seq'::regclass);


--
-- Data for Name: attribution; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.attribution VALUES (1, 'cnen-2026.motion', 43, '[["participant:4", 43], ["participant:3", 11]]');
INSERT INTO public.attribution VALUES (2, 'cnen-2026.motion', 84, '[["participant:4", 43], ["participant:3", 7], ["participant:4", 9], ["participant:3", 20]]');
INSERT INTO public.attribution VALUES (3, 'cnen-2026.motion', 127, '[["participant:4", 8], ["participant:2", 11], ["participant:4", 22], ["participant:3", 21], ["participant:4", 13], ["participant:3", 7], ["participant:4", 21], ["participant:4", 3], ["participant:3", 20]]');
INSERT INTO public.attribution VALUES (4, 'cnen-2026.motion', 170, '[["participant:4", 8], ["participant:2", 11], ["participant:4", 22], ["participant:3", 12], ["participant:2", 12], ["participant:3", 16], ["participant:4", 13], ["participant:3", 7], ["participant:4", 21], ["participant:4", 3], ["participant:3", 18], ["participant:2", 2], ["participant:3", 4], ["participant:2", 3], ["participant:3", 2]]');
INSERT INTO public.attribution VALUES (5, 'cnen-2026.motion', 212, '[["participant:4", 8], ["participant:2", 11], ["participant:4", 22], ["participant:3", 12], ["participant:2", 7], ["participant:3", 16], ["participant:2", 14], ["participant:3", 8], ["participant:4", 17], ["participant:3", 8], ["participant:4", 7], ["participant:4", 7], ["participant:3", 7], ["participant:4", 21], ["participant:4", 3], ["participant:3", 18], ["participant:2", 2], ["participant:3", 4], ["participant:2", 3], ["participant:3", 2]]');
INSERT INTO public.attribution VALUES (6, 'cnen-2026.motion', 254, '[["participant:4", 8], ["participant:2", 11], ["participant:4", 22], ["participant:3", 12], ["participant:2", 7], ["participant:3", 16], ["participant:2", 9], ["participant:2", 7], ["participant:4", 5], ["participant:2", 5], ["participant:3", 8], ["participant:4", 17], ["participant:3", 8], ["participant:4", 7], ["participant:3", 16], ["participant:4", 7], ["participant:3", 7], ["participant:4", 21], ["participant:4", 3], ["participant:3", 18], ["participant:2", 2], ["participant:3", 4], ["participant:2", 3], ["participant:4", 3], ["participant:3", 2]]');
INSERT INTO public.attribution VALUES (7, 'cnen-2026.motion', 294, '[["participant:4", 8], ["participant:2", 11], ["participant:4", 22], ["participant:3", 12], ["participant:2", 7], ["participant:3", 16], ["participant:2", 9], ["participant:2", 7], ["participant:4", 5], ["participant:2", 5], ["participant:3", 8], ["participant:4", 17], ["participant:3", 6], ["participant:4", 21], ["participant:3", 2], ["participant:4", 7], ["participant:3", 16], ["participant:4", 7], ["participant:3", 7], ["participant:4", 21], ["participant:4", 3], ["participant:3", 18], ["participant:2", 2], ["participant:3", 4], ["participant:2", 3], ["participant:4", 3], ["participant:3", 2]]');
INSERT INTO public.attribution VALUES (8, 'cnen-2026.motion', 302, '[["participant:4", 8], ["participant:2", 11], ["participant:4", 22], ["participant:3", 12], ["participant:2", 7], ["participant:3", 16], ["participant:2", 9], ["participant:2", 7], ["participant:4", 5], ["participant:2", 5], ["participant:3", 8], ["participant:4", 17], ["participant:3", 6], ["participant:4", 21], ["participant:3", 2], ["participant:4", 7], ["participant:3", 16], ["participant:4", 7], ["participant:3", 7], ["participant:4", 21], ["participant:4", 3], ["participant:3", 18], ["participant:2", 2], ["participant:3", 4], ["participant:2", 3], ["participant:4", 3], ["participant:3", 2]]');


--
-- Data for Name: checkpoint; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.checkpoint VALUES (1, 'cnen-2026.motion', 43, 1796163123.3442535, '\x0204bb88adb7e7a8c50f00040104746578740320636fc4bb88adb7e7a8c50f02d9f28da7eddeee01000b6d6d756e6520696e636c75c1bb88adb7e7a8c50f0dd9f28da7eddeee010001c4bb88adb7e7a8c50f0ed9f28da7eddeee01000f696f6e206c69676e65206163636f6d01d9f28da7eddeee010084bb88adb7e7a8c50f020920636861717565206801bb88adb7e7a8c50f010e01');
INSERT INTO public.checkpoint VALUES (2, 'cnen-2026.motion', 84, 1796163123.3473427, '\x020dbb88adb7e7a8c50f00040104746578740320636fc4bb88adb7e7a8c50f02d9f28da7eddeee01000b6d6d756e6520696e636c75c1bb88adb7e7a8c50f0dd9f28da7eddeee010001c4bb88adb7e7a8c50f0ed9f28da7eddeee010010696f6e206c69676e65206163636f6d70c1bb88adb7e7a8c50f1ed9f28da7eddeee010001c4bb88adb7e7a8c50f1fd9f28da7eddeee010003676e65c1bb88adb7e7a8c50f22d9f28da7eddeee010001c4bb88adb7e7a8c50f23d9f28da7eddeee01000a656e7420616363c3a873c4d9f28da7eddeee0106d9f28da7eddeee0107022068c1bb88adb7e7a8c50f2ed9f28da7eddeee010701c4bb88adb7e7a8c50f2fd9f28da7eddeee01070175c1bb88adb7e7a8c50f30d9f28da7eddeee010701c4bb88adb7e7a8c50f31d9f28da7eddeee01070320696e04d9f28da7eddeee010084bb88adb7e7a8c50f02072063686171756584d9f28da7eddeee01060320686181d9f28da7eddeee01090184d9f28da7eddeee010a0a742064656d616e64652002d9f28da7eddeee01010a01bb88adb7e7a8c50f050e011f0123012f013101');
INSERT INTO public.checkpoint VALUES (3, 'cnen-2026.motion', 127, 1796163123.34922, '\x0310bb88adb7e7a8c50f00040104746578740320636fc4bb88adb7e7a8c50f02d9f28da7eddeee0100056d6d756e65c4bb88adb7e7a8c50f07d9f28da7eddeee01000620696e636c75c1bb88adb7e7a8c50f0dd9f28da7eddeee010001c4bb88adb7e7a8c50f0ed9f28da7eddeee010010696f6e206c69676e65206163636f6d70c1bb88adb7e7a8c50f1ed9f28da7eddeee010001c4bb88adb7e7a8c50f1fd9f28da7eddeee010003676e65c1bb88adb7e7a8c50f22d9f28da7eddeee010001c4bb88adb7e7a8c50f23d9f28da7eddeee01000a656e7420616363c3a873c4d9f28da7eddeee0106d9f28da7eddeee0107022068c1bb88adb7e7a8c50f2ed9f28da7eddeee010701c4bb88adb7e7a8c50f2fd9f28da7eddeee01070175c1bb88adb7e7a8c50f30d9f28da7eddeee010701c4bb88adb7e7a8c50f31d9f28da7eddeee01070320696ec4bb88adb7e7a8c50f34d9f28da7eddeee010703636c75c4bb88adb7e7a8c50f34bb88adb7e7a8c50f350c73696f6e206427756e20636803bfcfc7e6fac8b60d00c4bb88adb7e7a8c50f07bb88adb7e7a8c50f080320736fc1bfcfc7e6fac8b60d02bb88adb7e7a8c50f0801c4bfcfc7e6fac8b60d03bb88adb7e7a8c50f0802766509d9f28da7eddeee010084bb88adb7e7a8c50f02072063686171756584d9f28da7eddeee01060320686181d9f28da7eddeee01090184d9f28da7eddeee010a09742064656d616e646581d9f28da7eddeee01130184d9f28da7eddeee011404636f6d6d81d9f28da7eddeee01180184d9f28da7eddeee0119046e652073c4bb88adb7e7a8c50f1fbb88adb7e7a8c50f20076572766963657303d9f28da7eddeee01030a0114011901bfcfc7e6fac8b60d010301bb88adb7e7a8c50f050e011f0123012f013101');
INSERT INTO public.checkpoint VALUES (4, 'cnen-2026.motion', 170, 1796163123.350864, '\x0313bb88adb7e7a8c50f00040104746578740320636fc4bb88adb7e7a8c50f02d9f28da7eddeee0100056d6d756e65c4bb88adb7e7a8c50f07d9f28da7eddeee01000620696e636c75c1bb88adb7e7a8c50f0dd9f28da7eddeee010001c4bb88adb7e7a8c50f0ed9f28da7eddeee010010696f6e206c69676e65206163636f6d70c1bb88adb7e7a8c50f1ed9f28da7eddeee010001c4bb88adb7e7a8c50f1fd9f28da7eddeee010003676e65c1bb88adb7e7a8c50f22d9f28da7eddeee010001c4bb88adb7e7a8c50f23d9f28da7eddeee01000a656e7420616363c3a873c4d9f28da7eddeee0106d9f28da7eddeee0107022068c1bb88adb7e7a8c50f2ed9f28da7eddeee010701c4bb88adb7e7a8c50f2fd9f28da7eddeee01070175c1bb88adb7e7a8c50f30d9f28da7eddeee010701c4bb88adb7e7a8c50f31d9f28da7eddeee01070320696ec4bb88adb7e7a8c50f34d9f28da7eddeee010703636c75c4bb88adb7e7a8c50f34bb88adb7e7a8c50f350b73696f6e206427756e2063c1bb88adb7e7a8c50f42bb88adb7e7a8c50f3501c4bb88adb7e7a8c50f43bb88adb7e7a8c50f350461717565c1bb88adb7e7a8c50f47bb88adb7e7a8c50f350306bfcfc7e6fac8b60d00c4bb88adb7e7a8c50f07bb88adb7e7a8c50f080320736fc1bfcfc7e6fac8b60d02bb88adb7e7a8c50f0801c4bfcfc7e6fac8b60d03bb88adb7e7a8c50f080876657261696e6574c4d9f28da7eddeee011bd9f28da7eddeee011c02c3a9c4bfcfc7e6fac8b60d0cd9f28da7eddeee011c03206175c4d9f28da7eddeee0124d9f28da7eddeee01250220700cd9f28da7eddeee010084bb88adb7e7a8c50f02072063686171756584d9f28da7eddeee01060320686181d9f28da7eddeee01090184d9f28da7eddeee010a09742064656d616e646581d9f28da7eddeee01130184d9f28da7eddeee011404636f6d6d81d9f28da7eddeee01180184d9f28da7eddeee0119026e6584d9f28da7eddeee011b022073c4bb88adb7e7a8c50f1fbb88adb7e7a8c50f200765727669636573c4d9f28da7eddeee0124bb88adb7e7a8c50f2010206dc3a96469617468c3a87175652063c4bfcfc7e6fac8b60d0cbfcfc7e6fac8b60d0d036f6d6d03d9f28da7eddeee01030a0114011901bfcfc7e6fac8b60d010301bb88adb7e7a8c50f070e011f0123012f01310143014803');
INSERT INTO public.checkpoint VALUES (5, 'cnen-2026.motion', 212, 1796163123.3526773, '\x0317bb88adb7e7a8c50f00040104746578740320636fc4bb88adb7e7a8c50f02d9f28da7eddeee0100056d6d756e65c4bb88adb7e7a8c50f07d9f28da7eddeee01000620696e636c75c1bb88adb7e7a8c50f0dd9f28da7eddeee010001c4bb88adb7e7a8c50f0ed9f28da7eddeee010010696f6e206c69676e65206163636f6d70c1bb88adb7e7a8c50f1ed9f28da7eddeee010001c4bb88adb7e7a8c50f1fd9f28da7eddeee010003676e65c1bb88adb7e7a8c50f22d9f28da7eddeee010001c4bb88adb7e7a8c50f23d9f28da7eddeee010003656e74c4bb88adb7e7a8c50f26d9f28da7eddeee01000720616363c3a873c4d9f28da7eddeee0106d9f28da7eddeee0107022068c1bb88adb7e7a8c50f2ed9f28da7eddeee010701c4bb88adb7e7a8c50f2fd9f28da7eddeee01070175c1bb88adb7e7a8c50f30d9f28da7eddeee010701c4bb88adb7e7a8c50f31d9f28da7eddeee01070320696ec4bb88adb7e7a8c50f34d9f28da7eddeee010703636c75c4bb88adb7e7a8c50f34bb88adb7e7a8c50f350b73696f6e206427756e2063c1bb88adb7e7a8c50f42bb88adb7e7a8c50f3501c4bb88adb7e7a8c50f43bb88adb7e7a8c50f350461717565c1bb88adb7e7a8c50f47bb88adb7e7a8c50f3504c1bb88adb7e7a8c50f26bb88adb7e7a8c50f2701c4bb88adb7e7a8c50f4cbb88adb7e7a8c50f270175c4d9f28da7eddeee012bd9f28da7eddeee012c086e65206dc3a9646907bfcfc7e6fac8b60d00c4bb88adb7e7a8c50f07bb88adb7e7a8c50f080320736fc1bfcfc7e6fac8b60d02bb88adb7e7a8c50f0801c4bfcfc7e6fac8b60d03bb88adb7e7a8c50f080876657261696e6574c4d9f28da7eddeee011bd9f28da7eddeee011c02c3a9c4bfcfc7e6fac8b60d0cd9f28da7eddeee011c03206175c4d9f28da7eddeee0124d9f28da7eddeee012507207075626c6963c4bfcfc7e6fac8b60d16d9f28da7eddeee01250b207472c3a87320736f757611d9f28da7eddeee010084bb88adb7e7a8c50f02072063686171756584d9f28da7eddeee01060320686181d9f28da7eddeee01090184d9f28da7eddeee010a09742064656d616e646581d9f28da7eddeee01130184d9f28da7eddeee011404636f6d6d81d9f28da7eddeee01180184d9f28da7eddeee0119026e6584d9f28da7eddeee011b022073c4bb88adb7e7a8c50f1fbb88adb7e7a8c50f200765727669636573c4d9f28da7eddeee0124bb88adb7e7a8c50f2008206dc3a964696174c4d9f28da7eddeee012bbb88adb7e7a8c50f200868c3a87175652063c4bfcfc7e6fac8b60d0cbfcfc7e6fac8b60d0d046f6d6d75c4d9f28da7eddeee0124bfcfc7e6fac8b60d10056e65206c69c4bfcfc7e6fac8b60d16bfcfc7e6fac8b60d1702676ec1d9f28da7eddeee013dbfcfc7e6fac8b60d1701c4d9f28da7eddeee013ebfcfc7e6fac8b60d170420c3a96c03d9f28da7eddeee01040a01140119013e01bfcfc7e6fac8b60d010301bb88adb7e7a8c50f070e011f0123012f01310143014805');
INSERT INTO public.checkpoint VALUES (6, 'cnen-2026.motion', 254, 1796163123.3565242, '\x031bbb88adb7e7a8c50f00040104746578740320636fc4bb88adb7e7a8c50f02d9f28da7eddeee0100056d6d756e65c4bb88adb7e7a8c50f07d9f28da7eddeee01000620696e636c75c1bb88adb7e7a8c50f0dd9f28da7eddeee010001c4bb88adb7e7a8c50f0ed9f28da7eddeee010010696f6e206c69676e65206163636f6d70c1bb88adb7e7a8c50f1ed9f28da7eddeee010001c4bb88adb7e7a8c50f1fd9f28da7eddeee010003676e65c1bb88adb7e7a8c50f22d9f28da7eddeee010001c4bb88adb7e7a8c50f23d9f28da7eddeee010003656e74c4bb88adb7e7a8c50f26d9f28da7eddeee01000720616363c3a873c4d9f28da7eddeee0106d9f28da7eddeee0107022068c1bb88adb7e7a8c50f2ed9f28da7eddeee010701c4bb88adb7e7a8c50f2fd9f28da7eddeee01070175c1bb88adb7e7a8c50f30d9f28da7eddeee010701c4bb88adb7e7a8c50f31d9f28da7eddeee01070320696ec4bb88adb7e7a8c50f34d9f28da7eddeee010703636c75c4bb88adb7e7a8c50f34bb88adb7e7a8c50f350b73696f6e206427756e2063c1bb88adb7e7a8c50f42bb88adb7e7a8c50f3501c4bb88adb7e7a8c50f43bb88adb7e7a8c50f350461717565c1bb88adb7e7a8c50f47bb88adb7e7a8c50f3504c1bb88adb7e7a8c50f26bb88adb7e7a8c50f2701c4bb88adb7e7a8c50f4cbb88adb7e7a8c50f270175c4d9f28da7eddeee012bd9f28da7eddeee012c106e65206dc3a96469617468c3a8717565c1bb88adb7e7a8c50f5bd9f28da7eddeee012c01c4bb88adb7e7a8c50f5cd9f28da7eddeee012c0172c4bfcfc7e6fac8b60d1ebfcfc7e6fac8b60d1f05c3a9736561c4bfcfc7e6fac8b60d0fd9f28da7eddeee011c0275200cbfcfc7e6fac8b60d00c4bb88adb7e7a8c50f07bb88adb7e7a8c50f080320736fc1bfcfc7e6fac8b60d02bb88adb7e7a8c50f0801c4bfcfc7e6fac8b60d03bb88adb7e7a8c50f080876657261696e6574c4d9f28da7eddeee011bd9f28da7eddeee011c02c3a9c4bfcfc7e6fac8b60d0cd9f28da7eddeee011c03206175c4d9f28da7eddeee0124d9f28da7eddeee012507207075626c6963c4bfcfc7e6fac8b60d16d9f28da7eddeee0125022074c4bfcfc7e6fac8b60d18d9f28da7eddeee01250772c3a87320736fc4bfcfc7e6fac8b60d1ed9f28da7eddeee0125057576657261c4bfcfc7e6fac8b60d18bfcfc7e6fac8b60d1902696ec1bfcfc7e6fac8b60d25bfcfc7e6fac8b60d1901c4bfcfc7e6fac8b60d26bfcfc7e6fac8b60d190574c3a9206613d9f28da7eddeee010084bb88adb7e7a8c50f02072063686171756584d9f28da7eddeee01060320686181d9f28da7eddeee01090184d9f28da7eddeee010a09742064656d616e646581d9f28da7eddeee01130184d9f28da7eddeee011404636f6d6d81d9f28da7eddeee01180184d9f28da7eddeee0119026e6584d9f28da7eddeee011b022073c4bb88adb7e7a8c50f1fbb88adb7e7a8c50f200765727669636573c4d9f28da7eddeee0124bb88adb7e7a8c50f2008206dc3a964696174c4d9f28da7eddeee012bbb88adb7e7a8c50f200868c3a87175652063c4bfcfc7e6fac8b60d0cbfcfc7e6fac8b60d0d046f6d6d75c4d9f28da7eddeee0124bfcfc7e6fac8b60d10056e65206c69c4bfcfc7e6fac8b60d16bfcfc7e6fac8b60d1702676ec1d9f28da7eddeee013dbfcfc7e6fac8b60d1701c4d9f28da7eddeee013ebfcfc7e6fac8b60d170e20c3a96c75c2b76573207175650ac4bb88adb7e7a8c50f4dbb88adb7e7a8c50f2702312ec1d9f28da7eddeee014cbb88adb7e7a8c50f270103d9f28da7eddeee01050a01140119013e014d01bfcfc7e6fac8b60d0203012601bb88adb7e7a8c50f080e011f0123012f013101430148055c01');
INSERT INTO public.checkpoint VALUES (7, 'cnen-2026.motion', 294, 1796163123.3585782, '\x0322bb88adb7e7a8c50f00040104746578740320636fc4bb88adb7e7a8c50f02d9f28da7eddeee0100056d6d756e65c4bb88adb7e7a8c50f07d9f28da7eddeee01000620696e636c75c1bb88adb7e7a8c50f0dd9f28da7eddeee010001c4bb88adb7e7a8c50f0ed9f28da7eddeee010010696f6e206c69676e65206163636f6d70c1bb88adb7e7a8c50f1ed9f28da7eddeee010001c4bb88adb7e7a8c50f1fd9f28da7eddeee010003676e65c1bb88adb7e7a8c50f22d9f28da7eddeee010001c4bb88adb7e7a8c50f23d9f28da7eddeee010003656e74c4bb88adb7e7a8c50f26d9f28da7eddeee01000720616363c3a873c4d9f28da7eddeee0106d9f28da7eddeee0107022068c1bb88adb7e7a8c50f2ed9f28da7eddeee010701c4bb88adb7e7a8c50f2fd9f28da7eddeee01070175c1bb88adb7e7a8c50f30d9f28da7eddeee010701c4bb88adb7e7a8c50f31d9f28da7eddeee01070320696ec4bb88adb7e7a8c50f34d9f28da7eddeee010703636c75c4bb88adb7e7a8c50f34bb88adb7e7a8c50f350b73696f6e206427756e2063c1bb88adb7e7a8c50f42bb88adb7e7a8c50f3501c4bb88adb7e7a8c50f43bb88adb7e7a8c50f350461717565c1bb88adb7e7a8c50f47bb88adb7e7a8c50f3504c1bb88adb7e7a8c50f26bb88adb7e7a8c50f2701c4bb88adb7e7a8c50f4cbb88adb7e7a8c50f270175c4d9f28da7eddeee012bd9f28da7eddeee012c106e65206dc3a96469617468c3a8717565c1bb88adb7e7a8c50f5bd9f28da7eddeee012c01c4bb88adb7e7a8c50f5cd9f28da7eddeee012c0172c4bfcfc7e6fac8b60d1ebfcfc7e6fac8b60d1f05c3a9736561c4bfcfc7e6fac8b60d0fd9f28da7eddeee011c0375206cc4d9f28da7eddeee0130d9f28da7eddeee0131086520686175742064c1bb88adb7e7a8c50f6cd9f28da7eddeee013101c4bb88adb7e7a8c50f6dd9f28da7eddeee013106626974206163c1bb88adb7e7a8c50f73d9f28da7eddeee013101c4bb88adb7e7a8c50f74d9f28da7eddeee0131016fc1bb88adb7e7a8c50f75d9f28da7eddeee013101c4bb88adb7e7a8c50f76d9f28da7eddeee0131037061670cbfcfc7e6fac8b60d00c4bb88adb7e7a8c50f07bb88adb7e7a8c50f080320736fc1bfcfc7e6fac8b60d02bb88adb7e7a8c50f0801c4bfcfc7e6fac8b60d03bb88adb7e7a8c50f080876657261696e6574c4d9f28da7eddeee011bd9f28da7eddeee011c02c3a9c4bfcfc7e6fac8b60d0cd9f28da7eddeee011c03206175c4d9f28da7eddeee0124d9f28da7eddeee012507207075626c6963c4bfcfc7e6fac8b60d16d9f28da7eddeee0125022074c4bfcfc7e6fac8b60d18d9f28da7eddeee01250772c3a87320736fc4bfcfc7e6fac8b60d1ed9f28da7eddeee0125057576657261c4bfcfc7e6fac8b60d18bfcfc7e6fac8b60d1902696ec1bfcfc7e6fac8b60d25bfcfc7e6fac8b60d1901c4bfcfc7e6fac8b60d26bfcfc7e6fac8b60d190574c3a9206617d9f28da7eddeee010084bb88adb7e7a8c50f02072063686171756584d9f28da7eddeee01060320686181d9f28da7eddeee01090184d9f28da7eddeee010a09742064656d616e646581d9f28da7eddeee01130184d9f28da7eddeee011404636f6d6d81d9f28da7eddeee01180184d9f28da7eddeee0119026e6584d9f28da7eddeee011b022073c4bb88adb7e7a8c50f1fbb88adb7e7a8c50f200765727669636573c4d9f28da7eddeee0124bb88adb7e7a8c50f2008206dc3a964696174c4d9f28da7eddeee012bbb88adb7e7a8c50f200668c3a8717565c4d9f28da7eddeee0130bb88adb7e7a8c50f20022063c4bfcfc7e6fac8b60d0cbfcfc7e6fac8b60d0d046f6d6d75c4d9f28da7eddeee0124bfcfc7e6fac8b60d10056e65206c69c4bfcfc7e6fac8b60d16bfcfc7e6fac8b60d1702676ec1d9f28da7eddeee013dbfcfc7e6fac8b60d1701c4d9f28da7eddeee013ebfcfc7e6fac8b60d170e20c3a96c75c2b76573207175650ac4bb88adb7e7a8c50f4dbb88adb7e7a8c50f2702312ec1d9f28da7eddeee014cbb88adb7e7a8c50f2701c4d9f28da7eddeee014dbb88adb7e7a8c50f270420616363c1d9f28da7eddeee0151bb88adb7e7a8c50f2701c4d9f28da7eddeee0152bb88adb7e7a8c50f27096d7061676e656d656e03d9f28da7eddeee01060a01140119013e014d015201bfcfc7e6fac8b60d0203012601bb88adb7e7a8c50f0b0e011f0123012f013101430148055c016d0174017601');
INSERT INTO public.checkpoint VALUES (8, 'cnen-2026.motion', 302, 1796163123.3604045, '\x0324bb88adb7e7a8c50f00040104746578740320636fc4bb88adb7e7a8c50f02d9f28da7eddeee0100056d6d756e65c4bb88adb7e7a8c50f07d9f28da7eddeee01000620696e636c75c1bb88adb7e7a8c50f0dd9f28da7eddeee010001c4bb88adb7e7a8c50f0ed9f28da7eddeee010010696f6e206c69676e65206163636f6d70c1bb88adb7e7a8c50f1ed9f28da7eddeee010001c4bb88adb7e7a8c50f1fd9f28da7eddeee010003676e65c1bb88adb7e7a8c50f22d9f28da7eddeee010001c4bb88adb7e7a8c50f23d9f28da7eddeee010003656e74c4bb88adb7e7a8c50f26d9f28da7eddeee01000720616363c3a873c4d9f28da7eddeee0106d9f28da7eddeee0107022068c1bb88adb7e7a8c50f2ed9f28da7eddeee010701c4bb88adb7e7a8c50f2fd9f28da7eddeee01070175c1bb88adb7e7a8c50f30d9f28da7eddeee010701c4bb88adb7e7a8c50f31d9f28da7eddeee01070320696ec4bb88adb7e7a8c50f34d9f28da7eddeee010703636c75c4bb88adb7e7a8c50f34bb88adb7e7a8c50f350b73696f6e206427756e2063c1bb88adb7e7a8c50f42bb88adb7e7a8c50f3501c4bb88adb7e7a8c50f43bb88adb7e7a8c50f350461717565c1bb88adb7e7a8c50f47bb88adb7e7a8c50f3504c1bb88adb7e7a8c50f26bb88adb7e7a8c50f2701c4bb88adb7e7a8c50f4cbb88adb7e7a8c50f270175c4d9f28da7eddeee012bd9f28da7eddeee012c106e65206dc3a96469617468c3a8717565c1bb88adb7e7a8c50f5bd9f28da7eddeee012c01c4bb88adb7e7a8c50f5cd9f28da7eddeee012c0172c4bfcfc7e6fac8b60d1ebfcfc7e6fac8b60d1f05c3a9736561c4bfcfc7e6fac8b60d0fd9f28da7eddeee011c0375206cc4d9f28da7eddeee0130d9f28da7eddeee0131086520686175742064c1bb88adb7e7a8c50f6cd9f28da7eddeee013101c4bb88adb7e7a8c50f6dd9f28da7eddeee013106626974206163c1bb88adb7e7a8c50f73d9f28da7eddeee013101c4bb88adb7e7a8c50f74d9f28da7eddeee0131016fc1bb88adb7e7a8c50f75d9f28da7eddeee013101c4bb88adb7e7a8c50f76d9f28da7eddeee0131047061676ec1bb88adb7e7a8c50f7ad9f28da7eddeee013101c4bb88adb7e7a8c50f7bd9f28da7eddeee0131026d650cbfcfc7e6fac8b60d00c4bb88adb7e7a8c50f07bb88adb7e7a8c50f080320736fc1bfcfc7e6fac8b60d02bb88adb7e7a8c50f0801c4bfcfc7e6fac8b60d03bb88adb7e7a8c50f080876657261696e6574c4d9f28da7eddeee011bd9f28da7eddeee011c02c3a9c4bfcfc7e6fac8b60d0cd9f28da7eddeee011c03206175c4d9f28da7eddeee0124d9f28da7eddeee012507207075626c6963c4bfcfc7e6fac8b60d16d9f28da7eddeee0125022074c4bfcfc7e6fac8b60d18d9f28da7eddeee01250772c3a87320736fc4bfcfc7e6fac8b60d1ed9f28da7eddeee0125057576657261c4bfcfc7e6fac8b60d18bfcfc7e6fac8b60d1902696ec1bfcfc7e6fac8b60d25bfcfc7e6fac8b60d1901c4bfcfc7e6fac8b60d26bfcfc7e6fac8b60d190574c3a9206617d9f28da7eddeee010084bb88adb7e7a8c50f02072063686171756584d9f28da7eddeee01060320686181d9f28da7eddeee01090184d9f28da7eddeee010a09742064656d616e646581d9f28da7eddeee01130184d9f28da7eddeee011404636f6d6d81d9f28da7eddeee01180184d9f28da7eddeee0119026e6584d9f28da7eddeee011b022073c4bb88adb7e7a8c50f1fbb88adb7e7a8c50f200765727669636573c4d9f28da7eddeee0124bb88adb7e7a8c50f2008206dc3a964696174c4d9f28da7eddeee012bbb88adb7e7a8c50f200668c3a8717565c4d9f28da7eddeee0130bb88adb7e7a8c50f20022063c4bfcfc7e6fac8b60d0cbfcfc7e6fac8b60d0d046f6d6d75c4d9f28da7eddeee0124bfcfc7e6fac8b60d10056e65206c69c4bfcfc7e6fac8b60d16bfcfc7e6fac8b60d1702676ec1d9f28da7eddeee013dbfcfc7e6fac8b60d1701c4d9f28da7eddeee013ebfcfc7e6fac8b60d170e20c3a96c75c2b76573207175650ac4bb88adb7e7a8c50f4dbb88adb7e7a8c50f2702312ec1d9f28da7eddeee014cbb88adb7e7a8c50f2701c4d9f28da7eddeee014dbb88adb7e7a8c50f270420616363c1d9f28da7eddeee0151bb88adb7e7a8c50f2701c4d9f28da7eddeee0152bb88adb7e7a8c50f270a6d7061676e656d656e7403d9f28da7eddeee01060a01140119013e014d015201bfcfc7e6fac8b60d0203012601bb88adb7e7a8c50f0c0e011f0123012f013101430148055c016d01740176017b01');
INSERT INTO public.checkpoint VALUES (9, 'cnen-2026.mindmap', 301, 1796163123.3693025, '\x0315d0a994ee82d3ba0e002701056e6f6465730d6e303139636239306631623933012100d0a994ee82d3ba0e00056c6162656c012800d0a994ee82d3ba0e0006706172656e74017704726f6f742800d0a994ee82d3ba0e00056f72646572017b404803cbe0941a7a2100d0a994ee82d3ba0e0006636f6c6f7572012800d0a994ee82d3ba0e00056c696e6b730177025b5d2800d0a994ee82d3ba0e000764656c6574656401792800d0a994ee82d3ba0e00056d6f766564017c000000002800d0a994ee82d3ba0e000b707265765f706172656e74017704726f6f74a8a39388ccecaad308010177106c6520736f7576657261696e6574c3a92701056e6f6465730d6e363365663330383632626265012800d0a994ee82d3ba0e0a056c6162656c0177066368617175652800d0a994ee82d3ba0e0a06706172656e7401770d6e6462646561653837386537622800d0a994ee82d3ba0e0a056f72646572017b4037c093a903b0632800d0a994ee82d3ba0e0a06636f6c6f75720177002800d0a994ee82d3ba0e0a056c696e6b730177025b5d2800d0a994ee82d3ba0e0a0764656c6574656401792800d0a994ee82d3ba0e0a056d6f766564017c000000002800d0a994ee82d3ba0e0a0b707265765f706172656e7401770d6e646264656165383738653762a8aa94d8e8d0bfad050d01770723623332363165a8aa94d8e8d0bfad050a01770e616363c3a87320646973706f73651ca39388ccecaad308002701056e6f6465730d6e356463623530666333353033012100a39388ccecaad30800056c6162656c012800a39388ccecaad3080006706172656e74017704726f6f742800a39388ccecaad30800056f72646572017b4053a23d8cb6da352800a39388ccecaad3080006636f6c6f75720177002800a39388ccecaad30800056c696e6b730177025b5d2800a39388ccecaad308000764656c6574656401792800a39388ccecaad30800056d6f766564017c000000002800a39388ccecaad308000b707265765f706172656e74017704726f6f742701056e6f6465730d6e663832303831326263636330012800a39388ccecaad30809056c6162656c01770664c3a96269742800a39388ccecaad3080906706172656e7401770d6e3564636235306663333530332800a39388ccecaad30809056f72646572017b401ce0b9ca88cb282100a39388ccecaad3080906636f6c6f7572012800a39388ccecaad30809056c696e6b730177025b5d2800a39388ccecaad308090764656c6574656401792800a39388ccecaad30809056d6f766564017c000000002800a39388ccecaad308090b707265765f706172656e7401770d6e356463623530666333353033a8aa94d8e8d0bfad05120177156e756dc3a97269717565206dc3a964696174696f6e2701056e6f6465730d6e336231653663646531616332012800a39388ccecaad30813056c6162656c017706616363c3a8732800a39388ccecaad3081306706172656e74017704726f6f742800a39388ccecaad30813056f72646572017b4047c5418cc9b1382800a39388ccecaad3081306636f6c6f75720177002800a39388ccecaad30813056c696e6b730177025b5d2800a39388ccecaad308130764656c6574656401792800a39388ccecaad30813056d6f766564017c000000002800a39388ccecaad308130b707265765f706172656e74017704726f6f7415aa94d8e8d0bfad05002701056e6f64657304726f6f74012800aa94d8e8d0bfad0500056c6162656c01770b4d6f74696f6e20323032362800aa94d8e8d0bfad050006706172656e740177002800aa94d8e8d0bfad0500056f72646572017c000000002800aa94d8e8d0bfad050006636f6c6f75720177002800aa94d8e8d0bfad0500056c696e6b730177025b5d2800aa94d8e8d0bfad05000764656c6574656401792800aa94d8e8d0bfad0500056d6f766564017c000000002800aa94d8e8d0bfad05000b707265765f706172656e740177002701056e6f6465730d6e646264656165383738653762012100aa94d8e8d0bfad0509056c6162656c012800aa94d8e8d0bfad050906706172656e7401770d6e3031396362393066316239332800aa94d8e8d0bfad0509056f72646572017b4042b0298788d90a2100aa94d8e8d0bfad050906636f6c6f7572012800aa94d8e8d0bfad0509056c696e6b730177025b5d2800aa94d8e8d0bfad05090764656c6574656401792800aa94d8e8d0bfad0509056d6f766564017c000000002800aa94d8e8d0bfad05090b707265765f706172656e7401770d6e303139636239306631623933a1d0a994ee82d3ba0e0101a8d0a994ee82d3ba0e0401770723623332363165a8a39388ccecaad3080d0177072331353635633003aa94d8e8d0bfad05030a010d011201a39388ccecaad3080201010d01d0a994ee82d3ba0e0201010401');


--
-- Data for Name: congress; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.congress VALUES (1, 'demo', 'Congrès de démonstration', '', NULL, NULL, 'contributions', 1796163122.6494796);
INSERT INTO public.congress VALUES (2, 'cnen-2026', 'Congrès national des élu·es', '2026', NULL, NULL, 'contributions', 1796163123.084438);


--
-- Data for Name: congress_document; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.congress_document VALUES (1, 1, 'motion', 'demo.motion');
INSERT INTO public.congress_document VALUES (2, 1, 'mindmap', 'demo.mindmap');
INSERT INTO public.congress_document VALUES (3, 2, 'motion', 'cnen-2026.motion');
INSERT INTO public.congress_document VALUES (4, 2, 'mindmap', 'cnen-2026.mindmap');


--
-- Data for Name: contribution; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.contribution VALUES (1, 2, 'w8e807938a4', 3, 'Bruno Petit', 'Former les aidants', 'Texte de la contribution 1.', 'Inclusion', 'browser', 1796163123.2682576, 1796163123.2682576, NULL, NULL);
INSERT INTO public.contribution VALUES (2, 2, 'w453fcc6c3c', 3, 'Bruno Petit', 'Héberger en Europe', 'Texte de la contribution 2.', 'Souveraineté', 'browser', 1796163123.2789552, 1796163123.2789552, NULL, NULL);


--
-- Data for Name: invitation; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.invitation VALUES ('A1PaYMZN5SzrDiY2', 1, 'organiser', 1, 1796163122.67048, 1801347122, NULL);
INSERT INTO public.invitation VALUES ('Bz-JcAaQDaNSMLWb', 2, 'organiser', 2, 1796163123.2157404, 1801347123, NULL);
INSERT INTO public.invitation VALUES ('q3uTFi50erZaWMEv', 2, 'participant', 3, 1796163123.2215786, 1801347123, NULL);
INSERT INTO public.invitation VALUES ('7ctH1uueeUESF7vs', 2, 'participant', 4, 1796163123.2264538, 1801347123, NULL);
INSERT INTO public.invitation VALUES ('AzxyxV-RdQ7KLOlI', 2, 'observer', 5, 1796163123.2344193, 1801347123, NULL);
INSERT INTO public.invitation VALUES ('29I_hZqLu8oEIXv4', 2, 'participant', NULL, 1796163123.2370224, 1801347123, NULL);


--
-- Data for Name: named_version; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.named_version VALUES (1, 2, 'texte soumis au vote', 203, 'participant:2', 1796163123.3772516);


--
-- Data for Name: participant; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.participant VALUES (1, 1, 'Équipe d''organisation', 'organiser', '', '', 'on_site', '', 1796163122.6667979, NULL, NULL, NULL);
INSERT INTO public.participant VALUES (2, 2, 'Aïcha Benali', 'organiser', 'Lyon', '', 'on_site', '', 1796163123.210832, NULL, NULL, NULL);
INSERT INTO public.participant VALUES (3, 2, 'Bruno Petit', 'participant', 'Lyon', '', 'on_site', '', 1796163123.2202141, NULL, NULL, NULL);
INSERT INTO public.participant VALUES (4, 2, 'Chloé Martin', 'participant', 'Lyon', '', 'on_site', '', 1796163123.2238615, NULL, NULL, NULL);
INSERT INTO public.participant VALUES (6, 2, 'Élise Roux', 'participant', '', '', 'on_site', '', 1796163123.238499, NULL, NULL, '29I_hZqLu8oEIXv4');
INSERT INTO public.participant VALUES (7, 2, 'Farid Haddad', 'participant', '', '', 'on_site', '', 1796163123.238499, NULL, NULL, '29I_hZqLu8oEIXv4');
INSERT INTO public.participant VALUES (5, 2, 'Denis Œuvray', 'observer', 'Lyon', '', 'on_site', '', 1796163123.2314503, 1796163123.2635164, NULL, NULL);


--
-- Data for Name: publication; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.publication VALUES (2, 203, 1796163123.4366655, 'participant:2');


--
-- Data for Name: theme; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.theme VALUES (1, 2, 0, 'Inclusion', '["aidants"]', '[]', false);


--
-- Data for Name: theme_run; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.theme_run VALUES (2, 1763884000, 1, NULL, 2, 0, '[]');


--
-- Data for Name: update_log; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.update_log VALUES (1, 'demo.mindmap', 1796163122.6789458, 'server:demo', '\x016ccec2f299889be408002701056e6f64657304726f6f74012800cec2f299889be40800056c6162656c0177284c65206e756dc3a97269717565206175207365727669636520646573207465727269746f697265732800cec2f299889be4080006706172656e740177002800cec2f299889be40800056f72646572017c000000002800cec2f299889be4080006636f6c6f75720177002800cec2f299889be40800056c696e6b730177025b5d2800cec2f299889be408000764656c6574656401792800cec2f299889be40800056d6f766564017c000000002800cec2f299889be408000b707265765f706172656e740177002701056e6f6465730d6e623361633061646237633766012800cec2f299889be40809056c6162656c017714496e636c7573696f6e206e756dc3a972697175652800cec2f299889be4080906706172656e74017704726f6f742800cec2f299889be40809056f72646572017c3f8000002800cec2f299889be4080906636f6c6f75720177002800cec2f299889be40809056c696e6b730177025b5d2800cec2f299889be408090764656c6574656401792800cec2f299889be40809056d6f766564017c000000002800cec2f299889be408090b707265765f706172656e74017704726f6f742701056e6f6465730d6e633430333336633566616134012800cec2f299889be40812056c6162656c01771e466f726d6572206c657320616964616e7473206e756dc3a97269717565732800cec2f299889be4081206706172656e7401770d6e6233616330616462376337662800cec2f299889be40812056f72646572017c3f8000002800cec2f299889be4081206636f6c6f75720177002800cec2f299889be40812056c696e6b730177025b5d2800cec2f299889be408120764656c6574656401792800cec2f299889be40812056d6f766564017c000000002800cec2f299889be408120b707265765f706172656e7401770d6e6233616330616462376337662701056e6f6465730d6e646431653333623136633465012800cec2f299889be4081b056c6162656c01771e4f757672697220646573206c69657578206465206dc3a964696174696f6e2800cec2f299889be4081b06706172656e7401770d6e6233616330616462376337662800cec2f299889be4081b056f72646572017c400000002800cec2f299889be4081b06636f6c6f75720177002800cec2f299889be4081b056c696e6b730177025b5d2800cec2f299889be4081b0764656c6574656401792800cec2f299889be4081b056d6f766564017c000000002800cec2f299889be4081b0b707265765f706172656e7401770d6e6233616330616462376337662701056e6f6465730d6e333630353964373166643333012800cec2f299889be40824056c6162656c017722437962657273c3a96375726974c3a92064657320636f6c6c65637469766974c3a9732800cec2f299889be4082406706172656e74017704726f6f742800cec2f299889be40824056f72646572017c400000002800cec2f299889be4082406636f6c6f75720177002800cec2f299889be40824056c696e6b730177025b5d2800cec2f299889be408240764656c6574656401792800cec2f299889be40824056d6f766564017c000000002800cec2f299889be408240b707265765f706172656e74017704726f6f742701056e6f6465730d6e316635376636326535643466012800cec2f299889be4082d056c6162656c017730556e20706c616e20646520637962657273c3a96375726974c3a92070617220696e746572636f6d6d756e616c6974c3a92800cec2f299889be4082d06706172656e7401770d6e3336303539643731666433332800cec2f299889be4082d056f72646572017c3f8000002800cec2f299889be4082d06636f6c6f75720177002800cec2f299889be4082d056c696e6b730177025b5d2800cec2f299889be4082d0764656c6574656401792800cec2f299889be4082d056d6f766564017c000000002800cec2f299889be4082d0b707265765f706172656e7401770d6e3336303539643731666433332701056e6f6465730d6e363535333935323237353139012800cec2f299889be40836056c6162656c017728446573206578657263696365732064652063726973652061766563206c657320c3a96c75c2b765732800cec2f299889be4083606706172656e7401770d6e3336303539643731666433332800cec2f299889be40836056f72646572017c400000002800cec2f299889be4083606636f6c6f75720177002800cec2f299889be40836056c696e6b730177025b5d2800cec2f299889be408360764656c6574656401792800cec2f299889be40836056d6f766564017c000000002800cec2f299889be408360b707265765f706172656e7401770d6e3336303539643731666433332701056e6f6465730d6e646337663836653130646638012800cec2f299889be4083f056c6162656c017719446f6e6ec3a9657320657420736f7576657261696e6574c3a92800cec2f299889be4083f06706172656e74017704726f6f742800cec2f299889be4083f056f72646572017c404000002800cec2f299889be4083f06636f6c6f75720177002800cec2f299889be4083f056c696e6b730177025b5d2800cec2f299889be4083f0764656c6574656401792800cec2f299889be4083f056d6f766564017c000000002800cec2f299889be4083f0b707265765f706172656e74017704726f6f742701056e6f6465730d6e656338623636393835663363012800cec2f299889be40848056c6162656c01772a48c3a9626572676572206c657320646f6e6ec3a96573207075626c697175657320656e204575726f70652800cec2f299889be4084806706172656e7401770d6e6463376638366531306466382800cec2f299889be40848056f72646572017c3f8000002800cec2f299889be4084806636f6c6f75720177002800cec2f299889be40848056c696e6b730177025b5d2800cec2f299889be408480764656c6574656401792800cec2f299889be40848056d6f766564017c000000002800cec2f299889be408480b707265765f706172656e7401770d6e6463376638366531306466382701056e6f6465730d6e616438316530346333623530012800cec2f299889be40851056c6162656c0177204f7576726972206c657320646f6e6ec3a965732064657320636f6d6d756e65732800cec2f299889be4085106706172656e7401770d6e6463376638366531306466382800cec2f299889be40851056f72646572017c400000002800cec2f299889be4085106636f6c6f75720177002800cec2f299889be40851056c696e6b730177025b5d2800cec2f299889be408510764656c6574656401792800cec2f299889be40851056d6f766564017c000000002800cec2f299889be408510b707265765f706172656e7401770d6e6463376638366531306466382701056e6f6465730d6e633134613166613363383962012800cec2f299889be4085a056c6162656c017715536f627269c3a974c3a9206e756dc3a972697175652800cec2f299889be4085a06706172656e74017704726f6f742800cec2f299889be4085a056f72646572017c408000002800cec2f299889be4085a06636f6c6f75720177002800cec2f299889be4085a056c696e6b730177025b5d2800cec2f299889be4085a0764656c6574656401792800cec2f299889be4085a056d6f766564017c000000002800cec2f299889be4085a0b707265765f706172656e74017704726f6f742701056e6f6465730d6e346366343061323565356663012800cec2f299889be40863056c6162656c01772a416c6c6f6e676572206c6120647572c3a965206465207669652064657320c3a971756970656d656e74732800cec2f299889be4086306706172656e7401770d6e6331346131666133633839622800cec2f299889be40863056f72646572017c3f8000002800cec2f299889be4086306636f6c6f75720177002800cec2f299889be40863056c696e6b730177025b5d2800cec2f299889be408630764656c6574656401792800cec2f299889be40863056d6f766564017c000000002800cec2f299889be408630b707265765f706172656e7401770d6e63313461316661336338396200');
INSERT INTO public.update_log VALUES (2, 'demo.motion', 1796163122.6789458, 'server:demo', '\x0101caaa86e88fe3d5050004010474657874cb0323204c65206e756dc3a97269717565206175207365727669636520646573207465727269746f697265730a0a232320496e636c7573696f6e206e756dc3a972697175650a0a312e20466f726d6572206c657320616964616e7473206e756dc3a97269717565730a322e204f757672697220646573206c69657578206465206dc3a964696174696f6e0a0a232320437962657273c3a96375726974c3a92064657320636f6c6c65637469766974c3a9730a0a312e20556e20706c616e20646520637962657273c3a96375726974c3a92070617220696e746572636f6d6d756e616c6974c3a90a322e20446573206578657263696365732064652063726973652061766563206c657320c3a96c75c2b765730a0a232320446f6e6ec3a9657320657420736f7576657261696e6574c3a90a0a312e2048c3a9626572676572206c657320646f6e6ec3a96573207075626c697175657320656e204575726f70650a322e204f7576726972206c657320646f6e6ec3a965732064657320636f6d6d756e65730a0a232320536f627269c3a974c3a9206e756dc3a972697175650a0a312e20416c6c6f6e676572206c6120647572c3a965206465207669652064657320c3a971756970656d656e74730a00');
INSERT INTO public.update_log VALUES (3, 'cnen-2026.mindmap', 1763884800, 'participant:2', '\x0109aa94d8e8d0bfad05002701056e6f64657304726f6f74012800aa94d8e8d0bfad0500056c6162656c01770b4d6f74696f6e20323032362800aa94d8e8d0bfad050006706172656e740177002800aa94d8e8d0bfad0500056f72646572017c000000002800aa94d8e8d0bfad050006636f6c6f75720177002800aa94d8e8d0bfad0500056c696e6b730177025b5d2800aa94d8e8d0bfad05000764656c6574656401792800aa94d8e8d0bfad0500056d6f766564017c000000002800aa94d8e8d0bfad05000b707265765f706172656e7401770000');
INSERT INTO public.update_log VALUES (4, 'cnen-2026.motion', 1763884808.1243553, 'participant:4', '\x0101bb88adb7e7a8c50f0004010474657874012000');
INSERT INTO public.update_log VALUES (5, 'cnen-2026.motion', 1763884808.2405767, 'participant:4', '\x0101bb88adb7e7a8c50f0184bb88adb7e7a8c50f00016300');
INSERT INTO public.update_log VALUES (6, 'cnen-2026.motion', 1763884808.243877, 'participant:4', '\x0101bb88adb7e7a8c50f0284bb88adb7e7a8c50f01016f00');
INSERT INTO public.update_log VALUES (7, 'cnen-2026.motion', 1763884808.2873476, 'participant:3', '\x0101d9f28da7eddeee010084bb88adb7e7a8c50f02012000');
INSERT INTO public.update_log VALUES (8, 'cnen-2026.motion', 1763884809.1842651, 'participant:4', '\x0101bb88adb7e7a8c50f03c4bb88adb7e7a8c50f02d9f28da7eddeee0100016d00');
INSERT INTO public.update_log VALUES (9, 'cnen-2026.motion', 1763884809.6989942, 'participant:4', '\x0101bb88adb7e7a8c50f04c4bb88adb7e7a8c50f03d9f28da7eddeee0100016d00');
INSERT INTO public.update_log VALUES (10, 'cnen-2026.motion', 1763884809.9446888, 'participant:4', '\x0101bb88adb7e7a8c50f05c4bb88adb7e7a8c50f04d9f28da7eddeee0100017500');
INSERT INTO public.update_log VALUES (11, 'cnen-2026.motion', 1763884810.0334253, 'participant:3', '\x0101d9f28da7eddeee010184d9f28da7eddeee0100016300');
INSERT INTO public.update_log VALUES (12, 'cnen-2026.motion', 1763884810.1342378, 'participant:4', '\x0101bb88adb7e7a8c50f06c4bb88adb7e7a8c50f05d9f28da7eddeee0100016e00');
INSERT INTO public.update_log VALUES (13, 'cnen-2026.motion', 1763884810.2373211, 'participant:4', '\x0101bb88adb7e7a8c50f07c4bb88adb7e7a8c50f06d9f28da7eddeee0100016500');
INSERT INTO public.update_log VALUES (14, 'cnen-2026.motion', 1763884810.2883935, 'participant:3', '\x0101d9f28da7eddeee010284d9f28da7eddeee0101016800');
INSERT INTO public.update_log VALUES (15, 'cnen-2026.motion', 1763884811.033459, 'participant:4', '\x0101bb88adb7e7a8c50f08c4bb88adb7e7a8c50f07d9f28da7eddeee0100012000');
INSERT INTO public.update_log VALUES (16, 'cnen-2026.motion', 1763884811.49354, 'participant:4', '\x0101bb88adb7e7a8c50f09c4bb88adb7e7a8c50f08d9f28da7eddeee0100016900');
INSERT INTO public.update_log VALUES (17, 'cnen-2026.motion', 1763884811.5252204, 'participant:4', '\x0101bb88adb7e7a8c50f0ac4bb88adb7e7a8c50f09d9f28da7eddeee0100016e00');
INSERT INTO public.update_log VALUES (18, 'cnen-2026.motion', 1763884811.6347666, 'participant:4', '\x0101bb88adb7e7a8c50f0bc4bb88adb7e7a8c50f0ad9f28da7eddeee0100016300');
INSERT INTO public.update_log VALUES (19, 'cnen-2026.motion', 1763884812.014423, 'participant:4', '\x0101bb88adb7e7a8c50f0cc4bb88adb7e7a8c50f0bd9f28da7eddeee0100016c00');
INSERT INTO public.update_log VALUES (20, 'cnen-2026.motion', 1763884812.072874, 'participant:4', '\x0101bb88adb7e7a8c50f0dc4bb88adb7e7a8c50f0cd9f28da7eddeee0100017500');
INSERT INTO public.update_log VALUES (21, 'cnen-2026.motion', 1763884812.7177804, 'participant:3', '\x0101d9f28da7eddeee010384d9f28da7eddeee0102016100');
INSERT INTO public.update_log VALUES (22, 'cnen-2026.motion', 1763884813.1186116, 'participant:4', '\x0101bb88adb7e7a8c50f0ec4bb88adb7e7a8c50f0dd9f28da7eddeee0100017300');
INSERT INTO public.update_log VALUES (23, 'cnen-2026.motion', 1763884813.1626556, 'participant:3', '\x0101d9f28da7eddeee010484d9f28da7eddeee0103017100');
INSERT INTO public.update_log VALUES (24, 'cnen-2026.motion', 1763884813.1707416, 'participant:3', '\x0101d9f28da7eddeee010584d9f28da7eddeee0104017500');
INSERT INTO public.update_log VALUES (25, 'cnen-2026.motion', 1763884813.307682, 'participant:4', '\x0001bb88adb7e7a8c50f010e01');
INSERT INTO public.update_log VALUES (26, 'cnen-2026.motion', 1763884813.409368, 'participant:3', '\x0101d9f28da7eddeee010684d9f28da7eddeee0105016500');
INSERT INTO public.update_log VALUES (27, 'cnen-2026.motion', 1763884813.658201, 'participant:4', '\x0101bb88adb7e7a8c50f0fc4bb88adb7e7a8c50f0ed9f28da7eddeee0100016900');
INSERT INTO public.update_log VALUES (28, 'cnen-2026.motion', 1763884813.6733432, 'participant:4', '\x0101bb88adb7e7a8c50f10c4bb88adb7e7a8c50f0fd9f28da7eddeee0100016f00');
INSERT INTO public.update_log VALUES (29, 'cnen-2026.motion', 1763884814.151406, 'participant:4', '\x0101bb88adb7e7a8c50f11c4bb88adb7e7a8c50f10d9f28da7eddeee0100016e00');
INSERT INTO public.update_log VALUES (30, 'cnen-2026.motion', 1763884814.2469783, 'participant:4', '\x0101bb88adb7e7a8c50f12c4bb88adb7e7a8c50f11d9f28da7eddeee0100012000');
INSERT INTO public.update_log VALUES (31, 'cnen-2026.motion', 1763884815.0505493, 'participant:4', '\x0101bb88adb7e7a8c50f13c4bb88adb7e7a8c50f12d9f28da7eddeee0100016c00');
INSERT INTO public.update_log VALUES (32, 'cnen-2026.motion', 1763884815.2197998, 'participant:4', '\x0101bb88adb7e7a8c50f14c4bb88adb7e7a8c50f13d9f28da7eddeee0100016900');
INSERT INTO public.update_log VALUES (33, 'cnen-2026.motion', 1763884815.6052709, 'participant:4', '\x0101bb88adb7e7a8c50f15c4bb88adb7e7a8c50f14d9f28da7eddeee0100016700');
INSERT INTO public.update_log VALUES (34, 'cnen-2026.motion', 1763884815.7181869, 'participant:3', '\x0101d9f28da7eddeee010784d9f28da7eddeee0106012000');
INSERT INTO public.update_log VALUES (35, 'cnen-2026.motion', 1763884815.8051696, 'participant:4', '\x0101bb88adb7e7a8c50f16c4bb88adb7e7a8c50f15d9f28da7eddeee0100016e00');
INSERT INTO public.update_log VALUES (36, 'cnen-2026.motion', 1763884815.9659276, 'participant:4', '\x0101bb88adb7e7a8c50f17c4bb88adb7e7a8c50f16d9f28da7eddeee0100016500');
INSERT INTO public.update_log VALUES (37, 'cnen-2026.motion', 1763884816.3900576, 'participant:3', '\x0101d9f28da7eddeee010884d9f28da7eddeee0107016800');
INSERT INTO public.update_log VALUES (38, 'cnen-2026.motion', 1763884816.4960597, 'participant:4', '\x0101bb88adb7e7a8c50f18c4bb88adb7e7a8c50f17d9f28da7eddeee0100012000');
INSERT INTO public.update_log VALUES (39, 'cnen-2026.motion', 1763884816.6454208, 'participant:4', '\x0101bb88adb7e7a8c50f19c4bb88adb7e7a8c50f18d9f28da7eddeee0100016100');
INSERT INTO public.update_log VALUES (40, 'cnen-2026.motion', 1763884816.700786, 'participant:4', '\x0101bb88adb7e7a8c50f1ac4bb88adb7e7a8c50f19d9f28da7eddeee0100016300');
INSERT INTO public.update_log VALUES (41, 'cnen-2026.motion', 1763884817.0187478, 'participant:4', '\x0101bb88adb7e7a8c50f1bc4bb88adb7e7a8c50f1ad9f28da7eddeee0100016300');
INSERT INTO public.update_log VALUES (42, 'cnen-2026.motion', 1763884817.2004006, 'participant:4', '\x0101bb88adb7e7a8c50f1cc4bb88adb7e7a8c50f1bd9f28da7eddeee0100016f00');
INSERT INTO public.update_log VALUES (43, 'cnen-2026.motion', 1763884817.2793202, 'participant:4', '\x0101bb88adb7e7a8c50f1dc4bb88adb7e7a8c50f1cd9f28da7eddeee0100016d00');
INSERT INTO public.update_log VALUES (44, 'cnen-2026.motion', 1763884817.5418594, 'participant:4', '\x0101bb88adb7e7a8c50f1ec4bb88adb7e7a8c50f1dd9f28da7eddeee0100017000');
INSERT INTO public.update_log VALUES (45, 'cnen-2026.motion', 1763884818.617541, 'participant:4', '\x0101bb88adb7e7a8c50f1fc4bb88adb7e7a8c50f1ed9f28da7eddeee0100016100');
INSERT INTO public.update_log VALUES (46, 'cnen-2026.motion', 1763884818.7129846, 'participant:4', '\x0001bb88adb7e7a8c50f011f01');
INSERT INTO public.update_log VALUES (47, 'cnen-2026.motion', 1763884818.8211036, 'participant:3', '\x0101d9f28da7eddeee010984d9f28da7eddeee0108016100');
INSERT INTO public.update_log VALUES (48, 'cnen-2026.motion', 1763884819.404835, 'participant:4', '\x0101bb88adb7e7a8c50f20c4bb88adb7e7a8c50f1fd9f28da7eddeee0100016700');
INSERT INTO public.update_log VALUES (49, 'cnen-2026.motion', 1763884819.9080637, 'participant:3', '\x0101d9f28da7eddeee010a84d9f28da7eddeee0109017500');
INSERT INTO public.update_log VALUES (50, 'cnen-2026.motion', 1763884820.3866255, 'participant:4', '\x0101bb88adb7e7a8c50f21c4bb88adb7e7a8c50f20d9f28da7eddeee0100016e00');
INSERT INTO public.update_log VALUES (51, 'cnen-2026.motion', 1763884820.5224204, 'participant:4', '\x0101bb88adb7e7a8c50f22c4bb88adb7e7a8c50f21d9f28da7eddeee0100016500');
INSERT INTO public.update_log VALUES (52, 'cnen-2026.motion', 1763884820.5650508, 'participant:4', '\x0101bb88adb7e7a8c50f23c4bb88adb7e7a8c50f22d9f28da7eddeee0100016d00');
INSERT INTO public.update_log VALUES (53, 'cnen-2026.motion', 1763884820.7995634, 'participant:4', '\x0001bb88adb7e7a8c50f012301');
INSERT INTO public.update_log VALUES (54, 'cnen-2026.motion', 1763884820.8982103, 'participant:4', '\x0101bb88adb7e7a8c50f24c4bb88adb7e7a8c50f23d9f28da7eddeee0100016500');
INSERT INTO public.update_log VALUES (55, 'cnen-2026.motion', 1763884821.0160508, 'participant:4', '\x0101bb88adb7e7a8c50f25c4bb88adb7e7a8c50f24d9f28da7eddeee0100016e00');
INSERT INTO public.update_log VALUES (56, 'cnen-2026.motion', 1763884821.1354713, 'participant:4', '\x0101bb88adb7e7a8c50f26c4bb88adb7e7a8c50f25d9f28da7eddeee0100017400');
INSERT INTO public.update_log VALUES (57, 'cnen-2026.motion', 1763884821.4732285, 'participant:3', '\x0001d9f28da7eddeee01010a01');
INSERT INTO public.update_log VALUES (58, 'cnen-2026.motion', 1763884821.6424263, 'participant:3', '\x0101d9f28da7eddeee010b84d9f28da7eddeee010a017400');
INSERT INTO public.update_log VALUES (59, 'cnen-2026.mindmap', 1763884822.4523933, 'participant:4', '\x0109d0a994ee82d3ba0e002701056e6f6465730d6e303139636239306631623933012800d0a994ee82d3ba0e00056c6162656c0177026c652800d0a994ee82d3ba0e0006706172656e74017704726f6f742800d0a994ee82d3ba0e00056f72646572017b404803cbe0941a7a2800d0a994ee82d3ba0e0006636f6c6f75720177002800d0a994ee82d3ba0e00056c696e6b730177025b5d2800d0a994ee82d3ba0e000764656c6574656401792800d0a994ee82d3ba0e00056d6f766564017c000000002800d0a994ee82d3ba0e000b707265765f706172656e74017704726f6f7400');
INSERT INTO public.update_log VALUES (60, 'cnen-2026.motion', 1763884822.5323715, 'participant:4', '\x0101bb88adb7e7a8c50f27c4bb88adb7e7a8c50f26d9f28da7eddeee0100012000');
INSERT INTO public.update_log VALUES (61, 'cnen-2026.motion', 1763884822.8519166, 'participant:4', '\x0101bb88adb7e7a8c50f28c4bb88adb7e7a8c50f27d9f28da7eddeee0100016100');
INSERT INTO public.update_log VALUES (62, 'cnen-2026.motion', 1763884823.110739, 'participant:4', '\x0101bb88adb7e7a8c50f29c4bb88adb7e7a8c50f28d9f28da7eddeee0100016300');
INSERT INTO public.update_log VALUES (63, 'cnen-2026.motion', 1763884823.2001543, 'participant:4', '\x0101bb88adb7e7a8c50f2ac4bb88adb7e7a8c50f29d9f28da7eddeee0100016300');
INSERT INTO public.update_log VALUES (64, 'cnen-2026.motion', 1763884823.2068985, 'participant:4', '\x0101bb88adb7e7a8c50f2bc4bb88adb7e7a8c50f2ad9f28da7eddeee010002c3a800');
INSERT INTO public.update_log VALUES (65, 'cnen-2026.motion', 1763884823.2161758, 'participant:4', '\x0101bb88adb7e7a8c50f2cc4bb88adb7e7a8c50f2bd9f28da7eddeee0100017300');
INSERT INTO public.update_log VALUES (66, 'cnen-2026.motion', 1763884823.4133658, 'participant:4', '\x0101bb88adb7e7a8c50f2dc4d9f28da7eddeee0106d9f28da7eddeee0107012000');
INSERT INTO public.update_log VALUES (67, 'cnen-2026.motion', 1763884824.1791964, 'participant:4', '\x0101bb88adb7e7a8c50f2ec4bb88adb7e7a8c50f2dd9f28da7eddeee0107016800');
INSERT INTO public.update_log VALUES (68, 'cnen-2026.motion', 1763884824.3035362, 'participant:3', '\x0101d9f28da7eddeee010c84d9f28da7eddeee010b012000');
INSERT INTO public.update_log VALUES (69, 'cnen-2026.motion', 1763884824.7559335, 'participant:3', '\x0101d9f28da7eddeee010d84d9f28da7eddeee010c016400');
INSERT INTO public.update_log VALUES (70, 'cnen-2026.motion', 1763884825.3598037, 'participant:3', '\x0101d9f28da7eddeee010e84d9f28da7eddeee010d016500');
INSERT INTO public.update_log VALUES (71, 'cnen-2026.motion', 1763884826.2620606, 'participant:3', '\x0101d9f28da7eddeee010f84d9f28da7eddeee010e016d00');
INSERT INTO public.update_log VALUES (72, 'cnen-2026.motion', 1763884826.2797787, 'participant:4', '\x0101bb88adb7e7a8c50f2fc4bb88adb7e7a8c50f2ed9f28da7eddeee0107016100');
INSERT INTO public.update_log VALUES (73, 'cnen-2026.motion', 1763884826.992324, 'participant:4', '\x0001bb88adb7e7a8c50f012f01');
INSERT INTO public.update_log VALUES (74, 'cnen-2026.motion', 1763884827.2045794, 'participant:4', '\x0101bb88adb7e7a8c50f30c4bb88adb7e7a8c50f2fd9f28da7eddeee0107017500');
INSERT INTO public.update_log VALUES (75, 'cnen-2026.motion', 1763884828.4858003, 'participant:4', '\x0101bb88adb7e7a8c50f31c4bb88adb7e7a8c50f30d9f28da7eddeee0107017400');
INSERT INTO public.update_log VALUES (76, 'cnen-2026.motion', 1763884828.619382, 'participant:4', '\x0001bb88adb7e7a8c50f013101');
INSERT INTO public.update_log VALUES (77, 'cnen-2026.motion', 1763884828.88924, 'participant:4', '\x0101bb88adb7e7a8c50f32c4bb88adb7e7a8c50f31d9f28da7eddeee0107012000');
INSERT INTO public.update_log VALUES (78, 'cnen-2026.motion', 1763884828.9253037, 'participant:3', '\x0101d9f28da7eddeee011084d9f28da7eddeee010f016100');
INSERT INTO public.update_log VALUES (79, 'cnen-2026.motion', 1763884829.0343118, 'participant:3', '\x0101d9f28da7eddeee011184d9f28da7eddeee0110016e00');
INSERT INTO public.update_log VALUES (80, 'cnen-2026.motion', 1763884829.075268, 'participant:3', '\x0101d9f28da7eddeee011284d9f28da7eddeee0111016400');
INSERT INTO public.update_log VALUES (81, 'cnen-2026.motion', 1763884829.2748303, 'participant:3', '\x0101d9f28da7eddeee011384d9f28da7eddeee0112016500');
INSERT INTO public.update_log VALUES (82, 'cnen-2026.motion', 1763884829.4567628, 'participant:3', '\x0101d9f28da7eddeee011484d9f28da7eddeee0113012000');
INSERT INTO public.update_log VALUES (83, 'cnen-2026.motion', 1763884829.7690892, 'participant:4', '\x0101bb88adb7e7a8c50f33c4bb88adb7e7a8c50f32d9f28da7eddeee0107016900');
INSERT INTO public.update_log VALUES (84, 'cnen-2026.motion', 1763884830.2667363, 'participant:4', '\x0101bb88adb7e7a8c50f34c4bb88adb7e7a8c50f33d9f28da7eddeee0107016e00');
INSERT INTO public.update_log VALUES (85, 'cnen-2026.motion', 1763884830.430443, 'participant:3', '\x0001d9f28da7eddeee01011401');
INSERT INTO public.update_log VALUES (86, 'cnen-2026.motion', 1763884830.5518217, 'participant:3', '\x0101d9f28da7eddeee011584d9f28da7eddeee0114016300');
INSERT INTO public.update_log VALUES (87, 'cnen-2026.motion', 1763884830.898003, 'participant:4', '\x0101bb88adb7e7a8c50f35c4bb88adb7e7a8c50f34d9f28da7eddeee0107016300');
INSERT INTO public.update_log VALUES (88, 'cnen-2026.motion', 1763884830.9356406, 'participant:4', '\x0101bb88adb7e7a8c50f36c4bb88adb7e7a8c50f35d9f28da7eddeee0107016c00');
INSERT INTO public.update_log VALUES (89, 'cnen-2026.motion', 1763884831.6023917, 'participant:3', '\x0101d9f28da7eddeee011684d9f28da7eddeee0115016f00');
INSERT INTO public.update_log VALUES (90, 'cnen-2026.motion', 1763884832.0470047, 'participant:3', '\x0101d9f28da7eddeee011784d9f28da7eddeee0116016d00');
INSERT INTO public.update_log VALUES (91, 'cnen-2026.motion', 1763884832.2291937, 'participant:3', '\x0101d9f28da7eddeee011884d9f28da7eddeee0117016d00');
INSERT INTO public.update_log VALUES (92, 'cnen-2026.motion', 1763884832.2455368, 'participant:3', '\x0101d9f28da7eddeee011984d9f28da7eddeee0118017500');
INSERT INTO public.update_log VALUES (93, 'cnen-2026.motion', 1763884832.7956736, 'participant:3', '\x0001d9f28da7eddeee01011901');
INSERT INTO public.update_log VALUES (94, 'cnen-2026.motion', 1763884832.8850377, 'participant:3', '\x0101d9f28da7eddeee011a84d9f28da7eddeee0119016e00');
INSERT INTO public.update_log VALUES (95, 'cnen-2026.motion', 1763884832.9113078, 'participant:3', '\x0101d9f28da7eddeee011b84d9f28da7eddeee011a016500');
INSERT INTO public.update_log VALUES (96, 'cnen-2026.motion', 1763884833.419288, 'participant:3', '\x0101d9f28da7eddeee011c84d9f28da7eddeee011b012000');
INSERT INTO public.update_log VALUES (97, 'cnen-2026.motion', 1763884833.6979628, 'participant:3', '\x0101d9f28da7eddeee011d84d9f28da7eddeee011c017300');
INSERT INTO public.update_log VALUES (98, 'cnen-2026.mindmap', 1763884833.7929358, 'participant:3', '\x0109a39388ccecaad308002701056e6f6465730d6e356463623530666333353033012800a39388ccecaad30800056c6162656c0177037175652800a39388ccecaad3080006706172656e74017704726f6f742800a39388ccecaad30800056f72646572017b4053a23d8cb6da352800a39388ccecaad3080006636f6c6f75720177002800a39388ccecaad30800056c696e6b730177025b5d2800a39388ccecaad308000764656c6574656401792800a39388ccecaad30800056d6f766564017c000000002800a39388ccecaad308000b707265765f706172656e74017704726f6f7400');
INSERT INTO public.update_log VALUES (99, 'cnen-2026.motion', 1763884833.8789463, 'participant:3', '\x0101d9f28da7eddeee011ec4bb88adb7e7a8c50f1fbb88adb7e7a8c50f20016500');
INSERT INTO public.update_log VALUES (100, 'cnen-2026.motion', 1763884833.887473, 'participant:4', '\x0101bb88adb7e7a8c50f37c4bb88adb7e7a8c50f36d9f28da7eddeee0107017500');
INSERT INTO public.update_log VALUES (101, 'cnen-2026.motion', 1763884834.015626, 'participant:3', '\x0101d9f28da7eddeee011fc4d9f28da7eddeee011ebb88adb7e7a8c50f20017200');
INSERT INTO public.update_log VALUES (102, 'cnen-2026.motion', 1763884834.1277688, 'participant:3', '\x0101d9f28da7eddeee0120c4d9f28da7eddeee011fbb88adb7e7a8c50f20017600');
INSERT INTO public.update_log VALUES (103, 'cnen-2026.mindmap', 1763884834.1760573, 'participant:4', '\x0101d0a994ee82d3ba0e09a8a39388ccecaad308010177106c6520736f7576657261696e6574c3a901a39388ccecaad308010101');
INSERT INTO public.update_log VALUES (104, 'cnen-2026.motion', 1763884834.3268995, 'participant:4', '\x0101bb88adb7e7a8c50f38c4bb88adb7e7a8c50f34bb88adb7e7a8c50f35017300');
INSERT INTO public.update_log VALUES (105, 'cnen-2026.motion', 1763884834.525648, 'participant:4', '\x0101bb88adb7e7a8c50f39c4bb88adb7e7a8c50f38bb88adb7e7a8c50f35016900');
INSERT INTO public.update_log VALUES (106, 'cnen-2026.motion', 1763884834.8408158, 'participant:4', '\x0101bb88adb7e7a8c50f3ac4bb88adb7e7a8c50f39bb88adb7e7a8c50f35016f00');
INSERT INTO public.update_log VALUES (107, 'cnen-2026.motion', 1763884834.854631, 'participant:3', '\x0101d9f28da7eddeee0121c4d9f28da7eddeee0120bb88adb7e7a8c50f20016900');
INSERT INTO public.update_log VALUES (108, 'cnen-2026.motion', 1763884834.8669026, 'participant:4', '\x0101bb88adb7e7a8c50f3bc4bb88adb7e7a8c50f3abb88adb7e7a8c50f35016e00');
INSERT INTO public.update_log VALUES (109, 'cnen-2026.motion', 1763884835.6165152, 'participant:4', '\x0101bb88adb7e7a8c50f3cc4bb88adb7e7a8c50f3bbb88adb7e7a8c50f35012000');
INSERT INTO public.update_log VALUES (110, 'cnen-2026.motion', 1763884837.0120156, 'participant:3', '\x0101d9f28da7eddeee0122c4d9f28da7eddeee0121bb88adb7e7a8c50f20016300');
INSERT INTO public.update_log VALUES (111, 'cnen-2026.motion', 1763884837.016406, 'participant:3', '\x0101d9f28da7eddeee0123c4d9f28da7eddeee0122bb88adb7e7a8c50f20016500');
INSERT INTO public.update_log VALUES (112, 'cnen-2026.motion', 1763884837.2011077, 'participant:2', '\x0101bfcfc7e6fac8b60d00c4bb88adb7e7a8c50f07bb88adb7e7a8c50f08012000');
INSERT INTO public.update_log VALUES (113, 'cnen-2026.motion', 1763884837.4032276, 'participant:4', '\x0101bb88adb7e7a8c50f3dc4bb88adb7e7a8c50f3cbb88adb7e7a8c50f35016400');
INSERT INTO public.update_log VALUES (114, 'cnen-2026.motion', 1763884837.8311474, 'participant:2', '\x0101bfcfc7e6fac8b60d01c4bfcfc7e6fac8b60d00bb88adb7e7a8c50f08017300');
INSERT INTO public.update_log VALUES (115, 'cnen-2026.motion', 1763884838.1297967, 'participant:4', '\x0101bb88adb7e7a8c50f3ec4bb88adb7e7a8c50f3dbb88adb7e7a8c50f35012700');
INSERT INTO public.update_log VALUES (116, 'cnen-2026.mindmap', 1763884838.1456494, 'participant:2', '\x0109aa94d8e8d0bfad05092701056e6f6465730d6e646264656165383738653762012800aa94d8e8d0bfad0509056c6162656c01770a6dc3a964696174696f6e2800aa94d8e8d0bfad050906706172656e7401770d6e3031396362393066316239332800aa94d8e8d0bfad0509056f72646572017b4042b0298788d90a2800aa94d8e8d0bfad050906636f6c6f75720177002800aa94d8e8d0bfad0509056c696e6b730177025b5d2800aa94d8e8d0bfad05090764656c6574656401792800aa94d8e8d0bfad0509056d6f766564017c000000002800aa94d8e8d0bfad05090b707265765f706172656e7401770d6e30313963623930663162393300');
INSERT INTO public.update_log VALUES (117, 'cnen-2026.motion', 1763884838.1642966, 'participant:4', '\x0101bb88adb7e7a8c50f3fc4bb88adb7e7a8c50f3ebb88adb7e7a8c50f35017500');
INSERT INTO public.update_log VALUES (118, 'cnen-2026.motion', 1763884838.730354, 'participant:4', '\x0101bb88adb7e7a8c50f40c4bb88adb7e7a8c50f3fbb88adb7e7a8c50f35016e00');
INSERT INTO public.update_log VALUES (119, 'cnen-2026.motion', 1763884838.769071, 'participant:2', '\x0101bfcfc7e6fac8b60d02c4bfcfc7e6fac8b60d01bb88adb7e7a8c50f08016f00');
INSERT INTO public.update_log VALUES (120, 'cnen-2026.motion', 1763884839.094578, 'participant:4', '\x0101bb88adb7e7a8c50f41c4bb88adb7e7a8c50f40bb88adb7e7a8c50f35012000');
INSERT INTO public.update_log VALUES (121, 'cnen-2026.motion', 1763884839.1116288, 'participant:2', '\x0101bfcfc7e6fac8b60d03c4bfcfc7e6fac8b60d02bb88adb7e7a8c50f08017500');
INSERT INTO public.update_log VALUES (122, 'cnen-2026.motion', 1763884839.120286, 'participant:2', '\x0001bfcfc7e6fac8b60d010301');
INSERT INTO public.update_log VALUES (123, 'cnen-2026.motion', 1763884839.1332753, 'participant:4', '\x0101bb88adb7e7a8c50f42c4bb88adb7e7a8c50f41bb88adb7e7a8c50f35016300');
INSERT INTO public.update_log VALUES (124, 'cnen-2026.motion', 1763884839.1374662, 'participant:3', '\x0101d9f28da7eddeee0124c4d9f28da7eddeee0123bb88adb7e7a8c50f20017300');
INSERT INTO public.update_log VALUES (125, 'cnen-2026.motion', 1763884839.140597, 'participant:2', '\x0101bfcfc7e6fac8b60d04c4bfcfc7e6fac8b60d03bb88adb7e7a8c50f08017600');
INSERT INTO public.update_log VALUES (126, 'cnen-2026.motion', 1763884839.2186453, 'participant:4', '\x0101bb88adb7e7a8c50f43c4bb88adb7e7a8c50f42bb88adb7e7a8c50f35016800');
INSERT INTO public.update_log VALUES (127, 'cnen-2026.motion', 1763884839.6145582, 'participant:2', '\x0101bfcfc7e6fac8b60d05c4bfcfc7e6fac8b60d04bb88adb7e7a8c50f08016500');
INSERT INTO public.update_log VALUES (128, 'cnen-2026.mindmap', 1763884839.8412838, 'participant:2', '\x0101aa94d8e8d0bfad0512a8d0a994ee82d3ba0e010177186dc3a96469617468c3a87175652073c3a96375726974c3a901d0a994ee82d3ba0e010101');
INSERT INTO public.update_log VALUES (129, 'cnen-2026.motion', 1763884840.0678785, 'participant:2', '\x0101bfcfc7e6fac8b60d06c4bfcfc7e6fac8b60d05bb88adb7e7a8c50f08017200');
INSERT INTO public.update_log VALUES (130, 'cnen-2026.mindmap', 1763884840.3570697, 'participant:2', '\x0101aa94d8e8d0bfad0513a8d0a994ee82d3ba0e040177072362333236316501d0a994ee82d3ba0e010401');
INSERT INTO public.update_log VALUES (131, 'cnen-2026.motion', 1763884840.890891, 'participant:3', '\x0101d9f28da7eddeee0125c4d9f28da7eddeee0124bb88adb7e7a8c50f20012000');
INSERT INTO public.update_log VALUES (132, 'cnen-2026.motion', 1763884841.0012896, 'participant:3', '\x0101d9f28da7eddeee0126c4d9f28da7eddeee0125bb88adb7e7a8c50f20016d00');
INSERT INTO public.update_log VALUES (133, 'cnen-2026.motion', 1763884841.422103, 'participant:4', '\x0001bb88adb7e7a8c50f014301');
INSERT INTO public.update_log VALUES (134, 'cnen-2026.motion', 1763884841.5501668, 'participant:2', '\x0101bfcfc7e6fac8b60d07c4bfcfc7e6fac8b60d06bb88adb7e7a8c50f08016100');
INSERT INTO public.update_log VALUES (135, 'cnen-2026.motion', 1763884841.6703107, 'participant:2', '\x0101bfcfc7e6fac8b60d08c4bfcfc7e6fac8b60d07bb88adb7e7a8c50f08016900');
INSERT INTO public.update_log VALUES (136, 'cnen-2026.motion', 1763884842.2464116, 'participant:2', '\x0101bfcfc7e6fac8b60d09c4bfcfc7e6fac8b60d08bb88adb7e7a8c50f08016e00');
INSERT INTO public.update_log VALUES (137, 'cnen-2026.motion', 1763884842.4052, 'participant:3', '\x0101d9f28da7eddeee0127c4d9f28da7eddeee0126bb88adb7e7a8c50f2002c3a900');
INSERT INTO public.update_log VALUES (138, 'cnen-2026.motion', 1763884842.4077334, 'participant:3', '\x0101d9f28da7eddeee0128c4d9f28da7eddeee0127bb88adb7e7a8c50f20016400');
INSERT INTO public.update_log VALUES (139, 'cnen-2026.motion', 1763884842.4133503, 'participant:2', '\x0101bfcfc7e6fac8b60d0ac4bfcfc7e6fac8b60d09bb88adb7e7a8c50f08016500');
INSERT INTO public.update_log VALUES (140, 'cnen-2026.motion', 1763884842.5749652, 'participant:3', '\x0101d9f28da7eddeee0129c4d9f28da7eddeee0128bb88adb7e7a8c50f20016900');
INSERT INTO public.update_log VALUES (141, 'cnen-2026.motion', 1763884843.2188537, 'participant:3', '\x0101d9f28da7eddeee012ac4d9f28da7eddeee0129bb88adb7e7a8c50f20016100');
INSERT INTO public.update_log VALUES (142, 'cnen-2026.motion', 1763884843.3315208, 'participant:2', '\x0101bfcfc7e6fac8b60d0bc4bfcfc7e6fac8b60d0abb88adb7e7a8c50f08017400');
INSERT INTO public.update_log VALUES (143, 'cnen-2026.motion', 1763884843.4158773, 'participant:2', '\x0101bfcfc7e6fac8b60d0cc4d9f28da7eddeee011bd9f28da7eddeee011c02c3a900');
INSERT INTO public.update_log VALUES (144, 'cnen-2026.motion', 1763884843.9126887, 'participant:3', '\x0101d9f28da7eddeee012bc4d9f28da7eddeee012abb88adb7e7a8c50f20017400');
INSERT INTO public.update_log VALUES (145, 'cnen-2026.motion', 1763884843.9929464, 'participant:4', '\x0101bb88adb7e7a8c50f44c4bb88adb7e7a8c50f43bb88adb7e7a8c50f35016100');
INSERT INTO public.update_log VALUES (146, 'cnen-2026.motion', 1763884844.809461, 'participant:3', '\x0101d9f28da7eddeee012cc4d9f28da7eddeee012bbb88adb7e7a8c50f20016800');
INSERT INTO public.update_log VALUES (147, 'cnen-2026.motion', 1763884845.042144, 'participant:3', '\x0101d9f28da7eddeee012dc4d9f28da7eddeee012cbb88adb7e7a8c50f2002c3a800');
INSERT INTO public.update_log VALUES (148, 'cnen-2026.motion', 1763884845.1104527, 'participant:4', '\x0101bb88adb7e7a8c50f45c4bb88adb7e7a8c50f44bb88adb7e7a8c50f35017100');
INSERT INTO public.update_log VALUES (149, 'cnen-2026.motion', 1763884845.388496, 'participant:4', '\x0101bb88adb7e7a8c50f46c4bb88adb7e7a8c50f45bb88adb7e7a8c50f35017500');
INSERT INTO public.update_log VALUES (150, 'cnen-2026.motion', 1763884845.9909685, 'participant:4', '\x0101bb88adb7e7a8c50f47c4bb88adb7e7a8c50f46bb88adb7e7a8c50f35016500');
INSERT INTO public.update_log VALUES (151, 'cnen-2026.motion', 1763884846.5411623, 'participant:3', '\x0101d9f28da7eddeee012ec4d9f28da7eddeee012dbb88adb7e7a8c50f20017100');
INSERT INTO public.update_log VALUES (152, 'cnen-2026.motion', 1763884846.6009514, 'participant:4', '\x0101bb88adb7e7a8c50f48c4bb88adb7e7a8c50f47bb88adb7e7a8c50f35012000');
INSERT INTO public.update_log VALUES (153, 'cnen-2026.motion', 1763884846.8514187, 'participant:4', '\x0001bb88adb7e7a8c50f014801');
INSERT INTO public.update_log VALUES (154, 'cnen-2026.motion', 1763884847.0976071, 'participant:3', '\x0101d9f28da7eddeee012fc4d9f28da7eddeee012ebb88adb7e7a8c50f20017500');
INSERT INTO public.update_log VALUES (155, 'cnen-2026.motion', 1763884847.2361243, 'participant:4', '\x0101bb88adb7e7a8c50f49c4bb88adb7e7a8c50f48bb88adb7e7a8c50f35016300');
INSERT INTO public.update_log VALUES (156, 'cnen-2026.motion', 1763884847.258175, 'participant:2', '\x0101bfcfc7e6fac8b60d0dc4bfcfc7e6fac8b60d0cd9f28da7eddeee011c012000');
INSERT INTO public.update_log VALUES (157, 'cnen-2026.motion', 1763884847.4606035, 'participant:3', '\x0101d9f28da7eddeee0130c4d9f28da7eddeee012fbb88adb7e7a8c50f20016500');
INSERT INTO public.update_log VALUES (158, 'cnen-2026.motion', 1763884847.7204714, 'participant:4', '\x0001bb88adb7e7a8c50f014901');
INSERT INTO public.update_log VALUES (159, 'cnen-2026.motion', 1763884847.7575116, 'participant:2', '\x0101bfcfc7e6fac8b60d0ec4bfcfc7e6fac8b60d0dd9f28da7eddeee011c016100');
INSERT INTO public.update_log VALUES (160, 'cnen-2026.motion', 1763884848.0165486, 'participant:2', '\x0101bfcfc7e6fac8b60d0fc4bfcfc7e6fac8b60d0ed9f28da7eddeee011c017500');
INSERT INTO public.update_log VALUES (161, 'cnen-2026.motion', 1763884848.4745536, 'participant:2', '\x0101bfcfc7e6fac8b60d10c4d9f28da7eddeee0124d9f28da7eddeee0125012000');
INSERT INTO public.update_log VALUES (162, 'cnen-2026.motion', 1763884848.8317666, 'participant:3', '\x0101d9f28da7eddeee0131c4d9f28da7eddeee0130bb88adb7e7a8c50f20012000');
INSERT INTO public.update_log VALUES (163, 'cnen-2026.motion', 1763884849.3920395, 'participant:3', '\x0101d9f28da7eddeee0132c4d9f28da7eddeee0131bb88adb7e7a8c50f20016300');
INSERT INTO public.update_log VALUES (164, 'cnen-2026.motion', 1763884849.5057046, 'participant:4', '\x0101bb88adb7e7a8c50f4ac4bb88adb7e7a8c50f49bb88adb7e7a8c50f35016f00');
INSERT INTO public.update_log VALUES (165, 'cnen-2026.motion', 1763884862.8124712, 'participant:4', '\x0001bb88adb7e7a8c50f014a01');
INSERT INTO public.update_log VALUES (166, 'cnen-2026.mindmap', 1763884863.6306605, 'participant:3', '\x0109a39388ccecaad308092701056e6f6465730d6e663832303831326263636330012800a39388ccecaad30809056c6162656c01770664c3a96269742800a39388ccecaad3080906706172656e7401770d6e3564636235306663333530332800a39388ccecaad30809056f72646572017b401ce0b9ca88cb282800a39388ccecaad3080906636f6c6f75720177002800a39388ccecaad30809056c696e6b730177025b5d2800a39388ccecaad308090764656c6574656401792800a39388ccecaad30809056d6f766564017c000000002800a39388ccecaad308090b707265765f706172656e7401770d6e35646362353066633335303300');
INSERT INTO public.update_log VALUES (167, 'cnen-2026.motion', 1763884863.9421637, 'participant:3', '\x0101d9f28da7eddeee0133c4bfcfc7e6fac8b60d0cbfcfc7e6fac8b60d0d016f00');
INSERT INTO public.update_log VALUES (168, 'cnen-2026.motion', 1763884863.9965224, 'participant:3', '\x0101d9f28da7eddeee0134c4d9f28da7eddeee0133bfcfc7e6fac8b60d0d016d00');
INSERT INTO public.update_log VALUES (169, 'cnen-2026.motion', 1763884864.294917, 'participant:3', '\x0101d9f28da7eddeee0135c4d9f28da7eddeee0134bfcfc7e6fac8b60d0d016d00');
INSERT INTO public.update_log VALUES (170, 'cnen-2026.motion', 1763884865.0114112, 'participant:2', '\x0101bfcfc7e6fac8b60d11c4bfcfc7e6fac8b60d10d9f28da7eddeee0125017000');
INSERT INTO public.update_log VALUES (171, 'cnen-2026.motion', 1763884865.090452, 'participant:4', '\x0101bb88adb7e7a8c50f4bc4bb88adb7e7a8c50f4abb88adb7e7a8c50f35016d00');
INSERT INTO public.update_log VALUES (172, 'cnen-2026.motion', 1763884865.2527618, 'participant:3', '\x0101d9f28da7eddeee0136c4d9f28da7eddeee0135bfcfc7e6fac8b60d0d017500');
INSERT INTO public.update_log VALUES (173, 'cnen-2026.motion', 1763884865.27684, 'participant:4', '\x0001bb88adb7e7a8c50f014b01');
INSERT INTO public.update_log VALUES (174, 'cnen-2026.motion', 1763884865.3888197, 'participant:4', '\x0101bb88adb7e7a8c50f4cc4bb88adb7e7a8c50f26bb88adb7e7a8c50f27016d00');
INSERT INTO public.update_log VALUES (175, 'cnen-2026.motion', 1763884865.8953435, 'participant:2', '\x0101bfcfc7e6fac8b60d12c4bfcfc7e6fac8b60d11d9f28da7eddeee0125017500');
INSERT INTO public.update_log VALUES (176, 'cnen-2026.motion', 1763884865.8984118, 'participant:2', '\x0101bfcfc7e6fac8b60d13c4bfcfc7e6fac8b60d12d9f28da7eddeee0125016200');
INSERT INTO public.update_log VALUES (177, 'cnen-2026.motion', 1763884866.057299, 'participant:3', '\x0101d9f28da7eddeee0137c4d9f28da7eddeee0124bfcfc7e6fac8b60d10016e00');
INSERT INTO public.update_log VALUES (178, 'cnen-2026.motion', 1763884866.1998966, 'participant:3', '\x0101d9f28da7eddeee0138c4d9f28da7eddeee0137bfcfc7e6fac8b60d10016500');
INSERT INTO public.update_log VALUES (179, 'cnen-2026.motion', 1763884866.4210577, 'participant:3', '\x0101d9f28da7eddeee0139c4d9f28da7eddeee0138bfcfc7e6fac8b60d10012000');
INSERT INTO public.update_log VALUES (180, 'cnen-2026.motion', 1763884867.0383816, 'participant:2', '\x0101bfcfc7e6fac8b60d14c4bfcfc7e6fac8b60d13d9f28da7eddeee0125016c00');
INSERT INTO public.update_log VALUES (181, 'cnen-2026.motion', 1763884867.0784876, 'participant:2', '\x0101bfcfc7e6fac8b60d15c4bfcfc7e6fac8b60d14d9f28da7eddeee0125016900');
INSERT INTO public.update_log VALUES (182, 'cnen-2026.motion', 1763884867.1395466, 'participant:2', '\x0101bfcfc7e6fac8b60d16c4bfcfc7e6fac8b60d15d9f28da7eddeee0125016300');
INSERT INTO public.update_log VALUES (183, 'cnen-2026.motion', 1763884867.140144, 'participant:2', '\x0101bfcfc7e6fac8b60d17c4bfcfc7e6fac8b60d16d9f28da7eddeee0125012000');
INSERT INTO public.update_log VALUES (184, 'cnen-2026.motion', 1763884867.149288, 'participant:2', '\x0101bfcfc7e6fac8b60d18c4bfcfc7e6fac8b60d17d9f28da7eddeee0125017400');
INSERT INTO public.update_log VALUES (185, 'cnen-2026.motion', 1763884867.589776, 'participant:3', '\x0101d9f28da7eddeee013ac4d9f28da7eddeee0139bfcfc7e6fac8b60d10016c00');
INSERT INTO public.update_log VALUES (186, 'cnen-2026.motion', 1763884867.6098783, 'participant:4', '\x0001bb88adb7e7a8c50f014c01');
INSERT INTO public.update_log VALUES (187, 'cnen-2026.motion', 1763884867.6322443, 'participant:2', '\x0101bfcfc7e6fac8b60d19c4bfcfc7e6fac8b60d18d9f28da7eddeee0125017200');
INSERT INTO public.update_log VALUES (188, 'cnen-2026.motion', 1763884867.6734567, 'participant:4', '\x0101bb88adb7e7a8c50f4dc4bb88adb7e7a8c50f4cbb88adb7e7a8c50f27017500');
INSERT INTO public.update_log VALUES (189, 'cnen-2026.motion', 1763884867.87733, 'participant:3', '\x0101d9f28da7eddeee013bc4d9f28da7eddeee013abfcfc7e6fac8b60d10016900');
INSERT INTO public.update_log VALUES (190, 'cnen-2026.motion', 1763884867.9923227, 'participant:2', '\x0101bfcfc7e6fac8b60d1ac4bfcfc7e6fac8b60d19d9f28da7eddeee012502c3a800');
INSERT INTO public.update_log VALUES (259, 'cnen-2026.motion', 1763884895.095209, 'participant:4', '\x0101bb88adb7e7a8c50f66c4bb88adb7e7a8c50f65d9f28da7eddeee0131012000');
INSERT INTO public.update_log VALUES (191, 'cnen-2026.mindmap', 1763884868.8305895, 'participant:4', '\x0109d0a994ee82d3ba0e0a2701056e6f6465730d6e363365663330383632626265012800d0a994ee82d3ba0e0a056c6162656c0177066368617175652800d0a994ee82d3ba0e0a06706172656e7401770d6e6462646561653837386537622800d0a994ee82d3ba0e0a056f72646572017b4037c093a903b0632800d0a994ee82d3ba0e0a06636f6c6f75720177002800d0a994ee82d3ba0e0a056c696e6b730177025b5d2800d0a994ee82d3ba0e0a0764656c6574656401792800d0a994ee82d3ba0e0a056d6f766564017c000000002800d0a994ee82d3ba0e0a0b707265765f706172656e7401770d6e64626465616538373865376200');
INSERT INTO public.update_log VALUES (192, 'cnen-2026.motion', 1763884869.1364284, 'participant:3', '\x0101d9f28da7eddeee013cc4bfcfc7e6fac8b60d16bfcfc7e6fac8b60d17016700');
INSERT INTO public.update_log VALUES (193, 'cnen-2026.motion', 1763884869.4513025, 'participant:3', '\x0101d9f28da7eddeee013dc4d9f28da7eddeee013cbfcfc7e6fac8b60d17016e00');
INSERT INTO public.update_log VALUES (194, 'cnen-2026.motion', 1763884869.4610631, 'participant:4', '\x0101bb88adb7e7a8c50f4ec4d9f28da7eddeee012bd9f28da7eddeee012c016e00');
INSERT INTO public.update_log VALUES (195, 'cnen-2026.motion', 1763884869.665038, 'participant:4', '\x0101bb88adb7e7a8c50f4fc4bb88adb7e7a8c50f4ed9f28da7eddeee012c016500');
INSERT INTO public.update_log VALUES (196, 'cnen-2026.motion', 1763884869.8752832, 'participant:2', '\x0101bfcfc7e6fac8b60d1bc4bfcfc7e6fac8b60d1ad9f28da7eddeee0125017300');
INSERT INTO public.update_log VALUES (197, 'cnen-2026.motion', 1763884870.9815423, 'participant:2', '\x0101bfcfc7e6fac8b60d1cc4bfcfc7e6fac8b60d1bd9f28da7eddeee0125012000');
INSERT INTO public.update_log VALUES (198, 'cnen-2026.motion', 1763884871.3146927, 'participant:4', '\x0101bb88adb7e7a8c50f50c4bb88adb7e7a8c50f4fd9f28da7eddeee012c012000');
INSERT INTO public.update_log VALUES (199, 'cnen-2026.motion', 1763884871.7571967, 'participant:2', '\x0101bfcfc7e6fac8b60d1dc4bfcfc7e6fac8b60d1cd9f28da7eddeee0125017300');
INSERT INTO public.update_log VALUES (200, 'cnen-2026.mindmap', 1763884871.9651299, 'participant:3', '\x0101a39388ccecaad30812a8aa94d8e8d0bfad05120177156e756dc3a97269717565206dc3a964696174696f6e01aa94d8e8d0bfad05011201');
INSERT INTO public.update_log VALUES (201, 'cnen-2026.motion', 1763884872.0823, 'participant:4', '\x0101bb88adb7e7a8c50f51c4bb88adb7e7a8c50f50d9f28da7eddeee012c016d00');
INSERT INTO public.update_log VALUES (202, 'cnen-2026.motion', 1763884872.420184, 'participant:4', '\x0101bb88adb7e7a8c50f52c4bb88adb7e7a8c50f51d9f28da7eddeee012c02c3a900');
INSERT INTO public.update_log VALUES (203, 'cnen-2026.motion', 1763884872.4656267, 'participant:2', '\x0101bfcfc7e6fac8b60d1ec4bfcfc7e6fac8b60d1dd9f28da7eddeee0125016f00');
INSERT INTO public.update_log VALUES (204, 'cnen-2026.motion', 1763884873.082393, 'participant:2', '\x0101bfcfc7e6fac8b60d1fc4bfcfc7e6fac8b60d1ed9f28da7eddeee0125017500');
INSERT INTO public.update_log VALUES (205, 'cnen-2026.motion', 1763884873.1920483, 'participant:3', '\x0101d9f28da7eddeee013ec4d9f28da7eddeee013dbfcfc7e6fac8b60d17016500');
INSERT INTO public.update_log VALUES (206, 'cnen-2026.motion', 1763884873.6264386, 'participant:3', '\x0001d9f28da7eddeee01013e01');
INSERT INTO public.update_log VALUES (207, 'cnen-2026.motion', 1763884873.7589421, 'participant:3', '\x0101d9f28da7eddeee013fc4d9f28da7eddeee013ebfcfc7e6fac8b60d17012000');
INSERT INTO public.update_log VALUES (208, 'cnen-2026.motion', 1763884873.951133, 'participant:4', '\x0101bb88adb7e7a8c50f53c4bb88adb7e7a8c50f52d9f28da7eddeee012c016400');
INSERT INTO public.update_log VALUES (209, 'cnen-2026.motion', 1763884873.9754827, 'participant:3', '\x0101d9f28da7eddeee0140c4d9f28da7eddeee013fbfcfc7e6fac8b60d1702c3a900');
INSERT INTO public.update_log VALUES (210, 'cnen-2026.motion', 1763884874.2944975, 'participant:3', '\x0101d9f28da7eddeee0141c4d9f28da7eddeee0140bfcfc7e6fac8b60d17016c00');
INSERT INTO public.update_log VALUES (211, 'cnen-2026.motion', 1763884874.4243534, 'participant:4', '\x0101bb88adb7e7a8c50f54c4bb88adb7e7a8c50f53d9f28da7eddeee012c016900');
INSERT INTO public.update_log VALUES (212, 'cnen-2026.motion', 1763884874.6056433, 'participant:2', '\x0101bfcfc7e6fac8b60d20c4bfcfc7e6fac8b60d1fd9f28da7eddeee0125017600');
INSERT INTO public.update_log VALUES (213, 'cnen-2026.motion', 1763884883.558194, 'participant:4', '\x0101bb88adb7e7a8c50f55c4bb88adb7e7a8c50f54d9f28da7eddeee012c016100');
INSERT INTO public.update_log VALUES (214, 'cnen-2026.motion', 1763884883.8011556, 'participant:2', '\x0101bfcfc7e6fac8b60d21c4bfcfc7e6fac8b60d20d9f28da7eddeee0125016500');
INSERT INTO public.update_log VALUES (215, 'cnen-2026.motion', 1763884883.8476772, 'participant:2', '\x0101bfcfc7e6fac8b60d22c4bfcfc7e6fac8b60d21d9f28da7eddeee0125017200');
INSERT INTO public.update_log VALUES (216, 'cnen-2026.motion', 1763884883.8868577, 'participant:4', '\x0101bb88adb7e7a8c50f56c4bb88adb7e7a8c50f55d9f28da7eddeee012c017400');
INSERT INTO public.update_log VALUES (217, 'cnen-2026.motion', 1763884884.0894475, 'participant:4', '\x0101bb88adb7e7a8c50f57c4bb88adb7e7a8c50f56d9f28da7eddeee012c016800');
INSERT INTO public.update_log VALUES (218, 'cnen-2026.motion', 1763884884.1763415, 'participant:2', '\x0101bfcfc7e6fac8b60d23c4bfcfc7e6fac8b60d22d9f28da7eddeee0125016100');
INSERT INTO public.update_log VALUES (219, 'cnen-2026.motion', 1763884884.253176, 'participant:3', '\x0101d9f28da7eddeee0142c4d9f28da7eddeee0141bfcfc7e6fac8b60d17017500');
INSERT INTO public.update_log VALUES (220, 'cnen-2026.motion', 1763884884.5457141, 'participant:4', '\x0101bb88adb7e7a8c50f58c4bb88adb7e7a8c50f57d9f28da7eddeee012c02c3a800');
INSERT INTO public.update_log VALUES (221, 'cnen-2026.mindmap', 1763884885.0107334, 'participant:2', '\x0101aa94d8e8d0bfad0514a8a39388ccecaad3080d0177072331353635633001a39388ccecaad308010d01');
INSERT INTO public.update_log VALUES (222, 'cnen-2026.motion', 1763884885.1126084, 'participant:3', '\x0101d9f28da7eddeee0143c4d9f28da7eddeee0142bfcfc7e6fac8b60d1702c2b700');
INSERT INTO public.update_log VALUES (223, 'cnen-2026.motion', 1763884885.2060745, 'participant:4', '\x0101bb88adb7e7a8c50f59c4bb88adb7e7a8c50f58d9f28da7eddeee012c017100');
INSERT INTO public.update_log VALUES (224, 'cnen-2026.motion', 1763884885.2222667, 'participant:2', '\x0101bfcfc7e6fac8b60d24c4bfcfc7e6fac8b60d18bfcfc7e6fac8b60d19016900');
INSERT INTO public.update_log VALUES (225, 'cnen-2026.motion', 1763884885.6130698, 'participant:4', '\x0101bb88adb7e7a8c50f5ac4bb88adb7e7a8c50f59d9f28da7eddeee012c017500');
INSERT INTO public.update_log VALUES (226, 'cnen-2026.motion', 1763884885.6316724, 'participant:2', '\x0101bfcfc7e6fac8b60d25c4bfcfc7e6fac8b60d24bfcfc7e6fac8b60d19016e00');
INSERT INTO public.update_log VALUES (227, 'cnen-2026.motion', 1763884885.6602042, 'participant:3', '\x0101d9f28da7eddeee0144c4d9f28da7eddeee0143bfcfc7e6fac8b60d17016500');
INSERT INTO public.update_log VALUES (228, 'cnen-2026.motion', 1763884885.7798245, 'participant:2', '\x0101bfcfc7e6fac8b60d26c4bfcfc7e6fac8b60d25bfcfc7e6fac8b60d19016500');
INSERT INTO public.update_log VALUES (229, 'cnen-2026.motion', 1763884885.8016784, 'participant:4', '\x0101bb88adb7e7a8c50f5bc4bb88adb7e7a8c50f5ad9f28da7eddeee012c016500');
INSERT INTO public.update_log VALUES (230, 'cnen-2026.motion', 1763884885.893163, 'participant:2', '\x0001bfcfc7e6fac8b60d012601');
INSERT INTO public.update_log VALUES (231, 'cnen-2026.motion', 1763884886.889096, 'participant:3', '\x0101d9f28da7eddeee0145c4d9f28da7eddeee0144bfcfc7e6fac8b60d17017300');
INSERT INTO public.update_log VALUES (232, 'cnen-2026.motion', 1763884886.9876106, 'participant:4', '\x0101bb88adb7e7a8c50f5cc4bb88adb7e7a8c50f5bd9f28da7eddeee012c012000');
INSERT INTO public.update_log VALUES (233, 'cnen-2026.motion', 1763884887.0790792, 'participant:2', '\x0101bfcfc7e6fac8b60d27c4bfcfc7e6fac8b60d26bfcfc7e6fac8b60d19017400');
INSERT INTO public.update_log VALUES (234, 'cnen-2026.motion', 1763884887.162646, 'participant:2', '\x0101bfcfc7e6fac8b60d28c4bfcfc7e6fac8b60d27bfcfc7e6fac8b60d1902c3a900');
INSERT INTO public.update_log VALUES (235, 'cnen-2026.motion', 1763884887.394777, 'participant:3', '\x0101d9f28da7eddeee0146c4d9f28da7eddeee0145bfcfc7e6fac8b60d17012000');
INSERT INTO public.update_log VALUES (236, 'cnen-2026.motion', 1763884888.8940468, 'participant:2', '\x0101bfcfc7e6fac8b60d29c4bfcfc7e6fac8b60d28bfcfc7e6fac8b60d19012000');
INSERT INTO public.update_log VALUES (237, 'cnen-2026.motion', 1763884889.380802, 'participant:2', '\x0101bfcfc7e6fac8b60d2ac4bfcfc7e6fac8b60d29bfcfc7e6fac8b60d19016600');
INSERT INTO public.update_log VALUES (238, 'cnen-2026.motion', 1763884890.8977287, 'participant:4', '\x0001bb88adb7e7a8c50f015c01');
INSERT INTO public.update_log VALUES (239, 'cnen-2026.motion', 1763884891.1216762, 'participant:3', '\x0101d9f28da7eddeee0147c4d9f28da7eddeee0146bfcfc7e6fac8b60d17017100');
INSERT INTO public.update_log VALUES (240, 'cnen-2026.motion', 1763884891.2045221, 'participant:3', '\x0101d9f28da7eddeee0148c4d9f28da7eddeee0147bfcfc7e6fac8b60d17017500');
INSERT INTO public.update_log VALUES (241, 'cnen-2026.motion', 1763884891.2916367, 'participant:4', '\x0101bb88adb7e7a8c50f5dc4bb88adb7e7a8c50f5cd9f28da7eddeee012c017200');
INSERT INTO public.update_log VALUES (242, 'cnen-2026.mindmap', 1763884891.645337, 'participant:4', '\x0101d0a994ee82d3ba0e13a8aa94d8e8d0bfad050d0177072362333236316501aa94d8e8d0bfad05010d01');
INSERT INTO public.update_log VALUES (243, 'cnen-2026.motion', 1763884891.7281983, 'participant:3', '\x0101d9f28da7eddeee0149c4d9f28da7eddeee0148bfcfc7e6fac8b60d17016500');
INSERT INTO public.update_log VALUES (244, 'cnen-2026.motion', 1763884891.913898, 'participant:3', '\x0101d9f28da7eddeee014ac4d9f28da7eddeee0149bfcfc7e6fac8b60d17010a00');
INSERT INTO public.update_log VALUES (245, 'cnen-2026.motion', 1763884892.0844696, 'participant:3', '\x0101d9f28da7eddeee014bc4bb88adb7e7a8c50f4dbb88adb7e7a8c50f27013100');
INSERT INTO public.update_log VALUES (246, 'cnen-2026.motion', 1763884892.0955026, 'participant:4', '\x0101bb88adb7e7a8c50f5ec4bfcfc7e6fac8b60d1ebfcfc7e6fac8b60d1f02c3a900');
INSERT INTO public.update_log VALUES (247, 'cnen-2026.motion', 1763884892.4292915, 'participant:4', '\x0101bb88adb7e7a8c50f5fc4bb88adb7e7a8c50f5ebfcfc7e6fac8b60d1f017300');
INSERT INTO public.update_log VALUES (248, 'cnen-2026.motion', 1763884892.8709912, 'participant:3', '\x0101d9f28da7eddeee014cc4d9f28da7eddeee014bbb88adb7e7a8c50f27012e00');
INSERT INTO public.update_log VALUES (249, 'cnen-2026.motion', 1763884893.1303217, 'participant:4', '\x0101bb88adb7e7a8c50f60c4bb88adb7e7a8c50f5fbfcfc7e6fac8b60d1f016500');
INSERT INTO public.update_log VALUES (250, 'cnen-2026.motion', 1763884893.4703922, 'participant:4', '\x0101bb88adb7e7a8c50f61c4bb88adb7e7a8c50f60bfcfc7e6fac8b60d1f016100');
INSERT INTO public.update_log VALUES (251, 'cnen-2026.motion', 1763884893.495015, 'participant:3', '\x0101d9f28da7eddeee014dc4d9f28da7eddeee014cbb88adb7e7a8c50f27012000');
INSERT INTO public.update_log VALUES (252, 'cnen-2026.motion', 1763884893.8192182, 'participant:3', '\x0001d9f28da7eddeee01014d01');
INSERT INTO public.update_log VALUES (253, 'cnen-2026.motion', 1763884893.8338463, 'participant:4', '\x0101bb88adb7e7a8c50f62c4bfcfc7e6fac8b60d0fd9f28da7eddeee011c017500');
INSERT INTO public.update_log VALUES (254, 'cnen-2026.motion', 1763884893.9870133, 'participant:4', '\x0101bb88adb7e7a8c50f63c4bb88adb7e7a8c50f62d9f28da7eddeee011c012000');
INSERT INTO public.update_log VALUES (255, 'cnen-2026.motion', 1763884894.3516178, 'participant:3', '\x0101d9f28da7eddeee014ec4d9f28da7eddeee014dbb88adb7e7a8c50f27012000');
INSERT INTO public.update_log VALUES (256, 'cnen-2026.motion', 1763884894.4087756, 'participant:3', '\x0101d9f28da7eddeee014fc4d9f28da7eddeee014ebb88adb7e7a8c50f27016100');
INSERT INTO public.update_log VALUES (257, 'cnen-2026.motion', 1763884894.7068183, 'participant:4', '\x0101bb88adb7e7a8c50f64c4bb88adb7e7a8c50f63d9f28da7eddeee011c016c00');
INSERT INTO public.update_log VALUES (258, 'cnen-2026.motion', 1763884894.768995, 'participant:4', '\x0101bb88adb7e7a8c50f65c4d9f28da7eddeee0130d9f28da7eddeee0131016500');
INSERT INTO public.update_log VALUES (260, 'cnen-2026.motion', 1763884895.1563733, 'participant:4', '\x0101bb88adb7e7a8c50f67c4bb88adb7e7a8c50f66d9f28da7eddeee0131016800');
INSERT INTO public.update_log VALUES (261, 'cnen-2026.motion', 1763884895.236393, 'participant:4', '\x0101bb88adb7e7a8c50f68c4bb88adb7e7a8c50f67d9f28da7eddeee0131016100');
INSERT INTO public.update_log VALUES (262, 'cnen-2026.motion', 1763884895.3139422, 'participant:3', '\x0101d9f28da7eddeee0150c4d9f28da7eddeee014fbb88adb7e7a8c50f27016300');
INSERT INTO public.update_log VALUES (263, 'cnen-2026.motion', 1763884895.748203, 'participant:4', '\x0101bb88adb7e7a8c50f69c4bb88adb7e7a8c50f68d9f28da7eddeee0131017500');
INSERT INTO public.update_log VALUES (264, 'cnen-2026.motion', 1763884895.8946843, 'participant:3', '\x0101d9f28da7eddeee0151c4d9f28da7eddeee0150bb88adb7e7a8c50f27016300');
INSERT INTO public.update_log VALUES (265, 'cnen-2026.motion', 1763884896.3989346, 'participant:3', '\x0101d9f28da7eddeee0152c4d9f28da7eddeee0151bb88adb7e7a8c50f27016f00');
INSERT INTO public.update_log VALUES (266, 'cnen-2026.motion', 1763884896.512715, 'participant:4', '\x0101bb88adb7e7a8c50f6ac4bb88adb7e7a8c50f69d9f28da7eddeee0131017400');
INSERT INTO public.update_log VALUES (267, 'cnen-2026.motion', 1763884896.7594502, 'participant:4', '\x0101bb88adb7e7a8c50f6bc4bb88adb7e7a8c50f6ad9f28da7eddeee0131012000');
INSERT INTO public.update_log VALUES (268, 'cnen-2026.motion', 1763884897.0612342, 'participant:4', '\x0101bb88adb7e7a8c50f6cc4bb88adb7e7a8c50f6bd9f28da7eddeee0131016400');
INSERT INTO public.update_log VALUES (269, 'cnen-2026.motion', 1763884897.707014, 'participant:3', '\x0001d9f28da7eddeee01015201');
INSERT INTO public.update_log VALUES (270, 'cnen-2026.motion', 1763884898.0278873, 'participant:4', '\x0101bb88adb7e7a8c50f6dc4bb88adb7e7a8c50f6cd9f28da7eddeee013102c3a900');
INSERT INTO public.update_log VALUES (271, 'cnen-2026.motion', 1763884898.1779206, 'participant:3', '\x0101d9f28da7eddeee0153c4d9f28da7eddeee0152bb88adb7e7a8c50f27016d00');
INSERT INTO public.update_log VALUES (272, 'cnen-2026.motion', 1763884898.3028152, 'participant:4', '\x0001bb88adb7e7a8c50f016d01');
INSERT INTO public.update_log VALUES (273, 'cnen-2026.motion', 1763884898.3900828, 'participant:4', '\x0101bb88adb7e7a8c50f6ec4bb88adb7e7a8c50f6dd9f28da7eddeee0131016200');
INSERT INTO public.update_log VALUES (274, 'cnen-2026.motion', 1763884898.4118133, 'participant:4', '\x0101bb88adb7e7a8c50f6fc4bb88adb7e7a8c50f6ed9f28da7eddeee0131016900');
INSERT INTO public.update_log VALUES (275, 'cnen-2026.motion', 1763884898.5425785, 'participant:4', '\x0101bb88adb7e7a8c50f70c4bb88adb7e7a8c50f6fd9f28da7eddeee0131017400');
INSERT INTO public.update_log VALUES (276, 'cnen-2026.motion', 1763884898.790792, 'participant:4', '\x0101bb88adb7e7a8c50f71c4bb88adb7e7a8c50f70d9f28da7eddeee0131012000');
INSERT INTO public.update_log VALUES (277, 'cnen-2026.motion', 1763884899.0436707, 'participant:3', '\x0101d9f28da7eddeee0154c4d9f28da7eddeee0153bb88adb7e7a8c50f27017000');
INSERT INTO public.update_log VALUES (278, 'cnen-2026.motion', 1763884899.1342046, 'participant:4', '\x0101bb88adb7e7a8c50f72c4bb88adb7e7a8c50f71d9f28da7eddeee0131016100');
INSERT INTO public.update_log VALUES (279, 'cnen-2026.motion', 1763884899.315967, 'participant:3', '\x0101d9f28da7eddeee0155c4d9f28da7eddeee0154bb88adb7e7a8c50f27016100');
INSERT INTO public.update_log VALUES (280, 'cnen-2026.motion', 1763884899.9848723, 'participant:4', '\x0101bb88adb7e7a8c50f73c4bb88adb7e7a8c50f72d9f28da7eddeee0131016300');
INSERT INTO public.update_log VALUES (281, 'cnen-2026.motion', 1763884900.0078843, 'participant:4', '\x0101bb88adb7e7a8c50f74c4bb88adb7e7a8c50f73d9f28da7eddeee0131016300');
INSERT INTO public.update_log VALUES (282, 'cnen-2026.motion', 1763884900.1061494, 'participant:4', '\x0001bb88adb7e7a8c50f017401');
INSERT INTO public.update_log VALUES (283, 'cnen-2026.motion', 1763884908.1805556, 'participant:3', '\x0101d9f28da7eddeee0156c4d9f28da7eddeee0155bb88adb7e7a8c50f27016700');
INSERT INTO public.update_log VALUES (284, 'cnen-2026.motion', 1763884908.3671818, 'participant:3', '\x0101d9f28da7eddeee0157c4d9f28da7eddeee0156bb88adb7e7a8c50f27016e00');
INSERT INTO public.update_log VALUES (285, 'cnen-2026.motion', 1763884908.5003533, 'participant:4', '\x0101bb88adb7e7a8c50f75c4bb88adb7e7a8c50f74d9f28da7eddeee0131016f00');
INSERT INTO public.update_log VALUES (286, 'cnen-2026.motion', 1763884908.535658, 'participant:4', '\x0101bb88adb7e7a8c50f76c4bb88adb7e7a8c50f75d9f28da7eddeee0131016d00');
INSERT INTO public.update_log VALUES (287, 'cnen-2026.motion', 1763884908.6722887, 'participant:4', '\x0001bb88adb7e7a8c50f017601');
INSERT INTO public.update_log VALUES (288, 'cnen-2026.motion', 1763884909.0032883, 'participant:4', '\x0101bb88adb7e7a8c50f77c4bb88adb7e7a8c50f76d9f28da7eddeee0131017000');
INSERT INTO public.update_log VALUES (289, 'cnen-2026.motion', 1763884909.02076, 'participant:4', '\x0101bb88adb7e7a8c50f78c4bb88adb7e7a8c50f77d9f28da7eddeee0131016100');
INSERT INTO public.update_log VALUES (290, 'cnen-2026.motion', 1763884909.0867324, 'participant:3', '\x0101d9f28da7eddeee0158c4d9f28da7eddeee0157bb88adb7e7a8c50f27016500');
INSERT INTO public.update_log VALUES (291, 'cnen-2026.motion', 1763884909.3823993, 'participant:3', '\x0101d9f28da7eddeee0159c4d9f28da7eddeee0158bb88adb7e7a8c50f27016d00');
INSERT INTO public.update_log VALUES (292, 'cnen-2026.motion', 1763884909.5376673, 'participant:3', '\x0101d9f28da7eddeee015ac4d9f28da7eddeee0159bb88adb7e7a8c50f27016500');
INSERT INTO public.update_log VALUES (293, 'cnen-2026.motion', 1763884909.5608366, 'participant:3', '\x0101d9f28da7eddeee015bc4d9f28da7eddeee015abb88adb7e7a8c50f27016e00');
INSERT INTO public.update_log VALUES (294, 'cnen-2026.motion', 1763884910.276221, 'participant:4', '\x0101bb88adb7e7a8c50f79c4bb88adb7e7a8c50f78d9f28da7eddeee0131016700');
INSERT INTO public.update_log VALUES (295, 'cnen-2026.motion', 1763884910.3110857, 'participant:4', '\x0101bb88adb7e7a8c50f7ac4bb88adb7e7a8c50f79d9f28da7eddeee0131016e00');
INSERT INTO public.update_log VALUES (296, 'cnen-2026.mindmap', 1763884910.3610387, 'participant:4', '\x0101d0a994ee82d3ba0e14a8aa94d8e8d0bfad050a01770e616363c3a87320646973706f736501aa94d8e8d0bfad05010a01');
INSERT INTO public.update_log VALUES (297, 'cnen-2026.motion', 1763884910.403315, 'participant:3', '\x0101d9f28da7eddeee015cc4d9f28da7eddeee015bbb88adb7e7a8c50f27017400');
INSERT INTO public.update_log VALUES (298, 'cnen-2026.motion', 1763884910.4123495, 'participant:4', '\x0101bb88adb7e7a8c50f7bc4bb88adb7e7a8c50f7ad9f28da7eddeee0131016500');
INSERT INTO public.update_log VALUES (299, 'cnen-2026.motion', 1763884910.7061462, 'participant:4', '\x0001bb88adb7e7a8c50f017b01');
INSERT INTO public.update_log VALUES (300, 'cnen-2026.motion', 1763884911.083128, 'participant:4', '\x0101bb88adb7e7a8c50f7cc4bb88adb7e7a8c50f7bd9f28da7eddeee0131016d00');
INSERT INTO public.update_log VALUES (301, 'cnen-2026.mindmap', 1763884911.1899154, 'participant:3', '\x0109a39388ccecaad308132701056e6f6465730d6e336231653663646531616332012800a39388ccecaad30813056c6162656c017706616363c3a8732800a39388ccecaad3081306706172656e74017704726f6f742800a39388ccecaad30813056f72646572017b4047c5418cc9b1382800a39388ccecaad3081306636f6c6f75720177002800a39388ccecaad30813056c696e6b730177025b5d2800a39388ccecaad308130764656c6574656401792800a39388ccecaad30813056d6f766564017c000000002800a39388ccecaad308130b707265765f706172656e74017704726f6f7400');
INSERT INTO public.update_log VALUES (302, 'cnen-2026.motion', 1763884911.2015848, 'participant:4', '\x0101bb88adb7e7a8c50f7dc4bb88adb7e7a8c50f7cd9f28da7eddeee0131016500');


--
-- Data for Name: web_session; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.web_session VALUES ('7ce70f0a122558e84378543c574e3c85d5685ef71b2c4b0399c5ff731a158c38', 3, 'q3uTFi50erZaWMEv', 1796163123.257652, 1797372723.2576299, NULL);


--
-- Name: attribution_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.attribution_id_seq', 8, true);


--
-- Name: checkpoint_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.checkpoint_id_seq', 9, true);


--
-- Name: congress_document_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.congress_document_id_seq', 4, true);


--
-- Name: congress_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.congress_id_seq', 2, true);


--
-- Name: contribution_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.contribution_id_seq', 2, true);


--
-- Name: named_version_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.named_version_id_seq', 1, true);


--
-- Name: participant_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.participant_id_seq', 7, true);


--
-- Name: theme_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.theme_id_seq', 1, true);


--
-- Name: update_log_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.update_log_id_seq', 302, true);


--
-- Name: attribution attribution_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.attribution
    ADD CONSTRAINT attribution_pkey PRIMARY KEY (id);


--
-- Name: checkpoint checkpoint_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.checkpoint
    ADD CONSTRAINT checkpoint_pkey PRIMARY KEY (id);


--
-- Name: congress_document congress_document_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.congress_document
    ADD CONSTRAINT congress_document_pkey PRIMARY KEY (id);


--
-- Name: congress_document congress_document_room_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.congress_document
    ADD CONSTRAINT congress_document_room_key UNIQUE (room);


--
-- Name: congress congress_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.congress
    ADD CONSTRAINT congress_pkey PRIMARY KEY (id);


--
-- Name: congress congress_slug_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.congress
    ADD CONSTRAINT congress_slug_key UNIQUE (slug);


--
-- Name: contribution contribution_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.contribution
    ADD CONSTRAINT contribution_pkey PRIMARY KEY (id);


--
-- Name: invitation invitation_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.invitation
    ADD CONSTRAINT invitation_pkey PRIMARY KEY (id);


--
-- Name: named_version named_version_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.named_version
    ADD CONSTRAINT named_version_pkey PRIMARY KEY (id);


--
-- Name: participant participant_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.participant
    ADD CONSTRAINT participant_pkey PRIMARY KEY (id);


--
-- Name: publication publication_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.publication
    ADD CONSTRAINT publication_pkey PRIMARY KEY (congress_id);


--
-- Name: theme theme_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.theme
    ADD CONSTRAINT theme_pkey PRIMARY KEY (id);


--
-- Name: theme_run theme_run_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.theme_run
    ADD CONSTRAINT theme_run_pkey PRIMARY KEY (congress_id);


--
-- Name: update_log update_log_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.update_log
    ADD CONSTRAINT update_log_pkey PRIMARY KEY (id);


--
-- Name: attribution uq_attribution_room_upto; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.attribution
    ADD CONSTRAINT uq_attribution_room_upto UNIQUE (room, upto_id);


--
-- Name: checkpoint uq_checkpoint_room_upto; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.checkpoint
    ADD CONSTRAINT uq_checkpoint_room_upto UNIQUE (room, upto_id);


--
-- Name: contribution uq_contribution_congress_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.contribution
    ADD CONSTRAINT uq_contribution_congress_key UNIQUE (congress_id, key);


--
-- Name: congress_document uq_document_congress_kind; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.congress_document
    ADD CONSTRAINT uq_document_congress_kind UNIQUE (congress_id, kind);


--
-- Name: web_session web_session_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.web_session
    ADD CONSTRAINT web_session_pkey PRIMARY KEY (id);


--
-- Name: ix_attribution_room; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_attribution_room ON public.attribution USING btree (room);


--
-- Name: ix_checkpoint_room; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_checkpoint_room ON public.checkpoint USING btree (room);


--
-- Name: ix_congress_document_congress_id; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_congress_document_congress_id ON public.congress_document USING btree (congress_id);


--
-- Name: ix_contribution_congress_author; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_contribution_congress_author ON public.contribution USING btree (congress_id, author_id);


--
-- Name: ix_invitation_congress_id; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_invitation_congress_id ON public.invitation USING btree (congress_id);


--
-- Name: ix_invitation_participant_id; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_invitation_participant_id ON public.invitation USING btree (participant_id);


--
-- Name: ix_named_version_congress_id; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_named_version_congress_id ON public.named_version USING btree (congress_id);


--
-- Name: ix_participant_congress_name; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_participant_congress_name ON public.participant USING btree (congress_id, name);


--
-- Name: ix_participant_group_invitation_id; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_participant_group_invitation_id ON public.participant USING btree (group_invitation_id);


--
-- Name: ix_theme_congress_id; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_theme_congress_id ON public.theme USING btree (congress_id);


--
-- Name: ix_update_log_room_id; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_update_log_room_id ON public.update_log USING btree (room, id);


--
-- Name: ix_web_session_participant_id; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_web_session_participant_id ON public.web_session USING btree (participant_id);


--
-- Name: congress_document congress_document_congress_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.congress_document
    ADD CONSTRAINT congress_document_congress_id_fkey FOREIGN KEY (congress_id) REFERENCES public.congress(id);


--
-- Name: contribution contribution_author_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.contribution
    ADD CONSTRAINT contribution_author_id_fkey FOREIGN KEY (author_id) REFERENCES public.participant(id);


--
-- Name: contribution contribution_congress_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.contribution
    ADD CONSTRAINT contribution_congress_id_fkey FOREIGN KEY (congress_id) REFERENCES public.congress(id);


--
-- Name: invitation invitation_congress_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.invitation
    ADD CONSTRAINT invitation_congress_id_fkey FOREIGN KEY (congress_id) REFERENCES public.congress(id);


--
-- Name: invitation invitation_participant_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.invitation
    ADD CONSTRAINT invitation_participant_id_fkey FOREIGN KEY (participant_id) REFERENCES public.participant(id);


--
-- Name: named_version named_version_congress_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.named_version
    ADD CONSTRAINT named_version_congress_id_fkey FOREIGN KEY (congress_id) REFERENCES public.congress(id);


--
-- Name: participant participant_congress_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.participant
    ADD CONSTRAINT participant_congress_id_fkey FOREIGN KEY (congress_id) REFERENCES public.congress(id);


--
-- Name: publication publication_congress_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.publication
    ADD CONSTRAINT publication_congress_id_fkey FOREIGN KEY (congress_id) REFERENCES public.congress(id);


--
-- Name: theme theme_congress_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.theme
    ADD CONSTRAINT theme_congress_id_fkey FOREIGN KEY (congress_id) REFERENCES public.congress(id);


--
-- Name: theme_run theme_run_congress_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.theme_run
    ADD CONSTRAINT theme_run_congress_id_fkey FOREIGN KEY (congress_id) REFERENCES public.congress(id);


--
-- Name: web_session web_session_participant_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.web_session
    ADD CONSTRAINT web_session_participant_id_fkey FOREIGN KEY (participant_id) REFERENCES public.participant(id);


--
-- PostgreSQL database dump complete
--



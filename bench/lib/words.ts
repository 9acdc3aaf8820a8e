/**
 * Word lists for the reference dataset. Function words come first (most frequent), then the
 * vocabulary of a utility / engineering organization roughly from common to rare, so sampling by
 * rank with a Zipf law gives full-text search a believable distribution: a few words match a
 * large share of posts, most match few. Every word is plain ASCII letters, so PostgreSQL's parser
 * sees exactly one token per word (the loader checks this against to_tsvector anyway).
 */

const split = (s: string) => s.trim().split(/\s+/);

/** Function words in rough order of frequency (mostly English stop words). */
export const FUNCTION_WORDS = split(`
the of and to a in is that for it we on with as this be are was have at not but our from or by
they you an can which if has will there their so what all would when one about more been also we
do into than them some these only other its then could just should any how out up because most
very over after where those who may such through still same each before both while much under
again between few own most here why does did well even being many every us
`);

/** Content words, roughly from common to rare. */
export const CONTENT_WORDS = split(`
water pump pressure maintenance network asset data team site plant system meter flow valve
customer project report design supply energy power grid station pipe main leak quality test
operator control alarm standard process risk safety work contractor schedule cost budget repair
inspection failure sensor level tank reservoir treatment chlorine sample lab analysis model
change review plan field crew shift training procedure permit contract engineer engineering
manager manual drawing survey record database software update upgrade version server cloud
integration interface vendor supplier tender specification requirement capacity demand peak
load outage restoration fault cable transformer substation feeder breaker relay protection
voltage current frequency solar wind battery storage inverter generation renewable carbon
emission target reporting audit compliance regulator license consent discharge wastewater
sewer storm overflow catchment river aquifer borehole well abstraction drought flood resilience
climate adaptation planning forecast trend dashboard metric indicator performance availability
reliability criticality condition lifecycle renewal replacement investment funding programme
portfolio benefit value stakeholder community council resident complaint billing tariff
payment account smart reading telemetry scada historian plc rtu radio fibre communication
cybersecurity patch firewall access identity vulnerability incident response recovery backup
continuity lesson learning workshop meeting agenda minutes action owner decision approval
sponsor coordinator mentor apprentice graduate skills competence certification assessment
handover onboarding documentation template checklist guideline policy strategy roadmap pilot
trial prototype evaluation benchmark comparison option alternative recommendation tradeoff
estimate quote invoice procurement framework warranty spare inventory stores logistics fleet
vehicle excavation reinstatement traffic permit noise dust vibration ecology heritage
archaeology landowner easement wayleave consultation planning application drainage culvert
bridge embankment dam spillway gate screen grit sludge digestion biogas aeration blower
membrane filtration coagulation flocculation sedimentation disinfection ultraviolet ozone
fluoride turbidity colour odour taste hardness manganese iron lead copper nitrate phosphate
ammonia bacteria coliform legionella cryptosporidium monitoring sampling laboratory accreditation
calibration drift accuracy uncertainty tolerance threshold setpoint tuning controller loop
interlock trip shutdown startup commissioning decommissioning isolation lockout confined space
ladder scaffold harness helmet gloves hazard nearmiss observation toolbox briefing induction
welfare fatigue wellbeing overtime rota callout standby escalation priority backlog
workorder notification maximo sap gis geodatabase attribute topology layer basemap mobile app
tablet offline sync barcode tag label asset register hierarchy taxonomy naming convention
duplicate cleansing migration validation reconciliation extract transform warehouse lake
pipeline python script notebook query index dashboarding visualisation statistics regression
anomaly detection machine learning prediction forecasting simulation hydraulic transient surge
hammer cavitation vibration bearing seal impeller motor drive variable speed efficiency
curve duty standby redundancy configuration commissioning witness acceptance snagging
defect punch closeout handback operation optimisation energy tariff demand response
flexibility balancing ancillary market settlement metering profile consumption baseline
saving payback lifecycle whole carbon embodied operational scope offset decarbonisation
electrification heat pump boiler hydrogen electrolyser microgrid islanding blackstart
interconnector constraint curtailment connection queue capacity reinforcement upgrade
overhead underground conductor insulator pole tower vegetation clearance patrol drone lidar
thermography partial discharge dissolved gas oil moisture ageing insulation winding tapchanger
bushing arrester earthing bonding touch step potential corrosion cathodic coating lining
relining trenchless directional drilling pipebursting slipline ferrule hydrant standpipe
backflow prevention cross connection district metered area pressure management night flow
burst bursts leakage acoustic logger correlator noise listening stick tracer gas satellite
mains rehabilitation polyethylene ductile cast asbestos cement pvc steel concrete brick
manhole chamber cover frame gully soakaway swale pond wetland nature restoration biodiversity
catchment partnership farmer nutrient pesticide metaldehyde runoff erosion sediment
groundwater recharge modelling calibration scenario sensitivity uncertainty probabilistic
deterministic monte carlo bayesian ensemble weather rainfall radar gauge telemetered outstation
`);

/** Syllables for rare place and asset names (each name appears in only a few posts). */
const SYL_A = split('ash bel bram carn dun elm fen glen har holl kes lang mar nor oak pen rav shel stan thorn wes wick brad');
const SYL_B = split('by combe dale den field ford gate ham hurst leigh ley mere moor ridge stow ton wold worth well brook');

/** Rare proper names: places and sites of the organization. */
export const PLACE_NAMES = SYL_A.flatMap((a) => SYL_B.map((b) => a + b));

/** Tags (lowercase, hyphenated) used on topics. */
export const TAGS = split(`
maintenance leakage pressure-management scada telemetry gis asset-management water-quality
wastewater storm-overflows energy-efficiency solar batteries grid-connection substations
protection cybersecurity data-quality dashboards forecasting hydraulic-modelling pumps valves
metering smart-meters billing customer-contact complaints safety confined-space lockout
training onboarding mentoring procurement contracts project-delivery commissioning handover
standards lessons-learned incident-review resilience drought flooding climate carbon
net-zero biodiversity regulation compliance reporting lab sampling treatment chlorination
membranes sludge biogas drones lidar vegetation corrosion trenchless rehabilitation
digital-twin machine-learning python sap maximo mobile-apps field-work apprentices
career-development leadership knowledge-management community-building events
`);

export const FIRST_NAMES = split(`
maria james aisha tomasz priya liam sofia chen olu fatima ben rosa daniel hana ivan grace
noah leila marco anna yusuf emma samir lucy arjun claire diego nora kwame ingrid raj elena
peter zoe omar julia lars mei patrick amara felix sara hugo naomi tariq chloe pablo ruth
kenji alice mateo joy viktor isla andre helen ravi molly jonas amina george nina felipe kate
`);

export const LAST_NAMES = split(`
garcia okafor nowak patel oconnor rossi wang adeyemi hussain murphy santos kim petrov lopez
fischer novak silva mensah johansson kowalski haddad nguyen brennan costa ahmed tanaka baker
walsh ferreira osei lindqvist moreau ivanova sharma quinn duarte kariuki berg jensen romano
clarke dubois hughes mwangi lambert vargas keller evans reyes stewart nakamura fontaine
`);

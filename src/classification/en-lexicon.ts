import type { LexiconSource } from './lexicon';

/**
 * English review vocabulary across product domains. Terms are stemmed like the text ("arrived" and "arrives" match
 * "arrive"), and "n't" is split into "not", so "wasn't slow" reads as a negated "slow".
 */
export const EN_LEXICON: LexiconSource = {
  aspects: {
    delivery:
      'shipping|shipment|delivery|deliver|shipped|ship|transit|in transit|carrier|ups|fedex|usps|dhl|royal mail|post office|the mail|' +
      'dispatch|dispatched|logistics|shipping speed|delivery speed|shipping time|delivery time|courier service|mail service|postal service',
    arrival: 'arrived|arrive|arrival|came|showed up|got here|received|receive|it came|when it came|upon arrival|opened the box|out of the box',
    courier:
      'courier|driver|delivery guy|delivery man|delivery driver|mailman|postman|mail carrier|delivery person|delivery company|' +
      'shipping company|delivery service|ups guy|fedex guy',
    parcel: 'package|parcel|box|outer box|shipping box|packing|envelope|mailer|padding|bubble wrap|cardboard',
    packaging: 'packaging|product box|retail box|seal|wrapper|label|jar|tube|bottle',
    tracking: 'tracking|tracking number|tracking info|tracking information|order status|shipping status|shipping update',
    fee: 'shipping cost|shipping fee|shipping charge|postage|delivery fee|delivery charge|duties|' + 'shipping and handling|shipping price',
    seller:
      'seller|customer service|customer support|customer care|support|tech support|technical support|staff|rep|representative|' +
      'agent|call center|company|store|shop|vendor|manufacturer|help desk|helpdesk|service|sales|salesman|salesperson|retailer|' +
      'merchant|employee|employees|manager|supervisor|operator|customer service team|support team',
    reply: 'reply|response|respond|answer|email|message|call back|callback|communication|chat|live chat|phone call|follow up',
    refund:
      'refund|return|exchange|replacement|restocking|rma|money back|return policy|return process|return window|return shipping|' +
      'refund process|store credit|credit|return label',
    warranty:
      'warranty|repair|fix|service center|repair center|repair shop|depot|technician|tech|geek squad|applecare|extended warranty|' +
      'sent it in|send it in|sent it back|send it back|shipped it back|mail it in|claim|under warranty',
    attitude: 'attitude|manner|behavior|behaviour|treatment|way they treated',
    price: 'price|priced|pricing|money|value|dollars|bucks|paid|price tag|the price|retail price',
    promo: 'coupon|promo|promo code|promotion|discount|on sale|rebate|voucher|promo offer|bundle|cashback|cash back|' + 'discount code',
    gift: 'free gift|free sample|freebie|gift with purchase|bonus item',
    product:
      'product|item|it|this|thing|order|goods|purchase|unit|shirt|dress|pants|jeans|jacket|coat|sweater|hoodie|shoes|sneakers|socks|' +
      'hat|bag|backpack|wallet|watch|jewelry|necklace|ring|earrings|glasses|cream|lotion|serum|moisturizer|cleanser|shampoo|' +
      'conditioner|soap|lipstick|foundation|mascara|perfume|makeup|toothpaste|food|snack|coffee|tea|chocolate|fruit|candy|cookies|' +
      'sheets|pillow|blanket|towel|curtains|mug|cup|pan|pot|knife|chair|table|lamp|toy|doll|puzzle|lego|book|pen|mat|rug|sofa|' +
      'couch|mattress|desk|shelf|stroller|diapers|leggings|bra|underwear|skirt|sandals|slippers|gloves|scarf|belt|purse|suitcase|' +
      'luggage|umbrella|tent|bike|helmet|sunglasses|blouse|mask|brush|razor|nail polish|candle|plant|pet food|dog food|cat food',
    performance:
      'laptop|computer|notebook|netbook|pc|machine|system|screen|display|monitor|battery|battery life|keyboard|keys|trackpad|' +
      'touchpad|mouse pad|mousepad|mouse|fan|processor|cpu|ram|memory|hard drive|hdd|ssd|drive|dvd|cd|dvd drive|cd drive|speaker|' +
      'speakers|sound|audio|volume|camera|webcam|wifi|wi-fi|wireless|bluetooth|connection|signal|internet|software|os|windows|vista|' +
      'mac|app|program|graphics|video card|graphics card|performance|speed|charger|power cord|cord|cable|adapter|port|usb|hdmi|' +
      'phone|tablet|headphones|earbuds|tv|printer|router|vacuum|blender|microwave|fridge|heater|motor|remote|device|gadget|boot|' +
      'startup|touchscreen|touch screen|resolution|pixels|operating system|power supply|power button|sound quality|picture quality|' +
      'charging|charge|suction|kettle|toaster|air fryer|coffee maker|hair dryer|smartwatch|tracker|console|controller|projector|' +
      'game|games|loading|wifi card|network card|optical drive|disc drive|disk drive|superdrive|trackball|stylus|hinge',
    component:
      'lid|cap|zipper|zip|button|strap|handle|sole|heel|laces|lace|stitching|seam|part|piece|screw|plug|pump|nozzle|blade|wheel|leg|' +
      'base|stand|cover|clasp|buckle|pocket|lining|collar|sleeve|manual|instructions|accessories|accessory|filter|spout|hook|' +
      'latch|knob|clip|spring|magnet|bristles|insole|cushion',
    material:
      'quality|build|build quality|material|fabric|craftsmanship|construction|workmanship|plastic|leather|finish|texture|' +
      'overall quality|product quality|materials',
    effect:
      'effect|results|result|effectiveness|coverage|formula|taste|flavor|flavour|comfort|hold|grip|absorption|moisture|lather|' +
      'lasting|longevity|experience|user experience|performance of|cleaning power|warmth|support of',
    smell: 'smell|odor|odour|scent|fragrance|aroma',
    colour: 'color|shade|hue|colors|tint',
    size: 'size|sizing|fit|length|width|measurements|size chart',
    date: 'expiration|expiry|expiration date|expiry date|best before|use by|sell by|date',
    description:
      'description|picture|pictures|photo|photos|image|images|listing|advertised|ad|advertisement|website|product page|specs|' +
      'specifications|model|version|the description|the picture|the photos|product description',
  },
  predicates: {
    slow:
      'slow|slowly|late|delay|delayed|overdue|behind schedule|sluggish|lag|laggy|lags|takes forever|slower|slows down|slowed down|' +
      'slow down|takes ages|takes a long time|takes so long',
    wait:
      'forever|took forever|took ages|took so long|took too long|a long time|took long|still waiting|waited|had to wait|' +
      'took weeks|took a week|took a month|took over a week|took two weeks|took three weeks|took 2 weeks|took 3 weeks|' +
      'took 10 days|took ten days|took several weeks|took days|took months|long wait|weeks later|a month later|months later|' +
      'waiting for weeks|waiting for months|wait for weeks|three weeks|two weeks|four weeks|a few weeks|several weeks|a month|' +
      'two months|three months|6 weeks|six weeks',
    bad:
      'bad|terrible|awful|horrible|poor|poorly|worst|useless|crap|crappy|junk|garbage|trash|sucks|suck|lousy|mediocre|' +
      'subpar|sub par|inferior|pathetic|ridiculous|unacceptable|nightmare|disaster|joke|problem|problems|' +
      'issue|issues|trouble|troubles|headache|not good|no good|not great|meh|so so|average|failed|fails|failure|fail|waste|' +
      'rubbish|stinks|stink|not impressed|unimpressed|underwhelming|inadequate|weak|not the best|complaint|complaints|nothing special|' +
      'nothing great|horrendous|atrocious|dreadful|abysmal|appalling|substandard|defect|defects|flaw|flaws|flawed|downside|' +
      'drawback|con|cons|negative|letdown|let down|mess|a mess|incompetent|clueless|worse|worsened|gets worse|not so good|' +
      'could be better|could be more|could have been better|needs better|need better|needs a better|could use a better|could use more|' +
      'could use some|would help if|would be better if|would be nice|would have been nice|would have liked|would have preferred|' +
      'would prefer|if only|only wish|i wish|wish it|wish the|wish they|wish there|not perfect|is not perfect|room for improvement|' +
      'leaves a lot to be desired|left a lot to be desired|falls short|fell short|only downside|only drawback|only complaint|' +
      'one complaint|only negative|only con|minor complaint|minor issue|small complaint|small issue|only problem|only issue|' +
      'only gripe|one gripe|biggest gripe|gripe|downfall|weak point|weak spot|shortcoming|limiting|fragile|flimsy feeling',
    dislike:
      'dislike|hate|hated|do not like|did not like|not a fan|can not stand|annoying|annoyed|frustrating|frustrated|irritating|' +
      'do not love|did not love|not thrilled|hates',
    rude:
      'rude|impolite|arrogant|condescending|dismissive|unprofessional|yelled|yelling|hung up|hang up|unfriendly|nasty|snarky|' +
      'sarcastic|argued|argue|blamed me|accused|insulted|did not care|do not care|could not care less|indifferent|uncaring|' +
      'disrespectful|belittled|talked down|treated me like|treated badly|treated poorly|pushy|pressured|bad attitude|' +
      'poor attitude|attitude problem|not friendly|not helpful|unhelpful|useless support',
    noreply:
      'no response|no reply|no answer|never responded|never replied|never answered|never heard back|never got back|' +
      'did not respond|did not reply|did not answer|not respond|not responding|unresponsive|ignored|ignore|ignoring|' +
      'no one answered|nobody answered|no one responded|on hold|put on hold|kept me on hold|transferred|transferred me|' +
      'could not reach|can not reach|unreachable|unable to reach|impossible to reach|no way to contact|automated|bot|chatbot|' +
      'never called back|did not call back|no callback|no follow up|never followed up|did not follow up|slow to respond|' +
      'slow response|slow to reply|took days to respond|hours on the phone|hours on hold|no one answers|nobody answers|' +
      'left on read|never get back|do not respond|does not respond|never respond|never returned my call|never returned my calls|' +
      'stopped answering|stopped responding|stopped replying|quit responding|ghosted',
    unresolved:
      'not resolved|unresolved|never resolved|did not resolve|refused|refuse|refuses|denied|deny|denies|will not do anything|' +
      'would not do anything|did nothing|do nothing|nothing was done|no help|no solution|no resolution|was not helpful|' +
      'were not helpful|never fixed|did not fix|not fixed|still not fixed|still broken|still does not work|run around|' +
      'runaround|passed around|passed me around|excuses|made excuses|blamed|no one could help|nobody could help|could not help|' +
      'unable to help|would not help|will not help|would not honor|will not honor|not honor|rejected|filed a complaint|' +
      'complained to|escalated|escalate|no one cared|nobody cared|gave up on|kept saying|kept telling|told me to|said it was my|' +
      'my fault|not their problem|not responsible|passed the buck|pass the buck|stonewalled|no compensation|no explanation',
    hassle:
      'hassle|hassles|complicated|pain|painful process|jump through hoops|hoops|tedious|cumbersome|ordeal|back and forth|' +
      'difficult|a pain|too many steps|red tape|paperwork|at my own expense|my own cost',
    broken:
      'broken|broke|break|breaks|damaged|damage|cracked|crack|cracks|dented|dent|smashed|shattered|torn|ripped|rip|tear|tears|' +
      'hole|holes|scratched|scratch|scratches|stained|dirty|fell apart|falling apart|came apart|coming apart|stopped working|' +
      'quit working|died|dead|dies|dying|defective|faulty|malfunction|malfunctioning|malfunctioned|crash|crashes|crashed|' +
      'crashing|freeze|freezes|froze|frozen|blue screen|glitch|glitchy|bug|buggy|bugs|will not turn on|does not turn on|' +
      'would not turn on|will not boot|will not start|will not charge|does not charge|not charging|does not work|did not work|' +
      'not working|will not work|would not work|fried|burnt out|burned out|overheats|overheating|overheat|overheated|' +
      'shuts down|shut down|shutting down|turns off|restarts|reboots|rebooting|fell off|came off|peeling|peeled|frayed|' +
      'unraveling|pilling|shrunk|shrank|wobbly|came loose|comes loose|rusted|rust|rusty|leaking|leaked|leaks|leak|no longer works|' +
      'no longer work|no longer working|gave out|gave up|went out|goes out|burned|bent|warped|chipped|chips|split|snapped|' +
      'unusable|inoperable|bricked|stuck keys|sticky keys|flickers|flickering|blacked out|went black|goes black|not turning on|' +
      'went flat|goes flat|gone flat|flattened|lost its shape|sagging|sags|sagged|came unglued|unglued|glue came off|' +
      'keeps falling off|falls off|fell apart quickly|scratches easily|scratch easily|dents easily',
    crushed:
      'crushed|crush|squashed|mishandled|rough handling|handled roughly|thrown around|tossed|kicked|damaged in transit|' +
      'damaged during shipping|damaged in shipping|broken in transit|broken during shipping|crushed in transit|thrown over',
    lost:
      'never arrived|never came|never showed up|never received|never got it|never got my|not received|did not receive|' +
      'have not received|has not received|did not arrive|has not arrived|have not arrived|not arrived|never delivered|' +
      'not delivered|was not delivered|stolen|went missing|disappeared|marked as delivered|says delivered|shows delivered|' +
      'showed delivered|delivered to the wrong|wrong address|incorrect address|shipped to the wrong|sent to the wrong address|' +
      'returned to sender|sent back to sender|porch pirate|lost in transit|lost in the mail|lost the package|package was lost|' +
      'lost my package|lost my order|got lost|was lost|is lost|still not here|not here yet|never got here',
    stalled:
      'not updated|no update|no updates|has not moved|has not updated|not moving|stuck|stuck in|invalid tracking|label created|' +
      'never updated|stopped updating|not been updated|pending for|sitting in|sitting at',
    missing:
      'missing|was missing|were missing|did not come with|does not come with|not included|was not included|were not included|' +
      'incomplete|left out|forgot to include|forgot the|no sign of',
    few: 'too little|not enough|small amount|tiny amount|barely any|half empty|half full|only half|skimpy|very little|so little',
    expensive:
      'expensive|overpriced|over priced|pricey|pricy|costly|not worth|was not worth|is not worth|rip off|ripoff|price gouging|' +
      'highway robbery|paid too much|costs too much|cost too much|charged too much|too expensive|more expensive|a lot of money|' +
      'steep|premium price|high price|overcharged|overpaid|costs more|cost more|spent a lot|price is high|price is too high',
    differ: 'does not match|did not match|not match|nothing like|not the same|not what i expected|' + 'misrepresented|inaccurate|mismatch',
    old:
      'looks old|was old|old stock|refurbished|second hand|secondhand|pre owned|already opened|had been opened|was opened|' +
      'open box|previously used|been used|was used|used item|stale|expired|rotten|moldy|mouldy|spoiled|spoilt|gone bad|went bad|' +
      'past expiration|past its date|near expiry|worn out',
    sizeoff:
      'too small|too big|too large|too tight|too loose|too short|too long|too narrow|too wide|runs small|runs large|runs big|' +
      'run small|run large|run big|does not fit|did not fit|will not fit|would not fit|tight|loose|snug|baggy|tiny|smaller than expected|' +
      'bigger than expected|larger than expected|fits small|fits large|fits big|narrow|way too big|way too small',
    lie:
      'misleading|mislead|misled|lied|lie|lies|lying|liar|false advertising|scam|scammed|fraud|fraudulent|deceptive|deceived|' +
      'cheated|bait and switch|false claims|false claim|fake reviews',
    repeat:
      'twice|three times|3 times|four times|4 times|five times|several times|multiple times|numerous times|' +
      'repeatedly|once again|yet again|again and again|over and over',
    pos:
      'good|great|excellent|fast|quick|quickly|prompt|promptly|fine|perfect|perfectly|love|loved|happy|satisfied|pleased|helpful|' +
      'friendly|nice|awesome|amazing|fantastic|wonderful|impressed|impressive|reliable|sturdy|solid|well made|worth|worth it|' +
      'well worth|on time|ahead of schedule|early|intact|undamaged|securely|well packed|well packaged|no problem|no problems|' +
      'no issue|no issues|nothing wrong|no complaint|no complaints|can not complain|recommend|highly recommend|best|beautiful|' +
      'gorgeous|comfortable|comfy|easy|easy to use|responsive|courteous|polite|professional|knowledgeable|patient|' +
      'fresh|delicious|tasty|accurate|as described|as pictured|as advertised|exactly as|true to size|fits perfectly|fits well|' +
      'clear|crisp|durable|powerful|lightweight|affordable|good price|great price|good value|great value|bargain|' +
      'reasonable|reasonably priced|decent|works well|works great|works fine|does the job|gets the job done|fast shipping|' +
      'fast delivery|quick delivery|arrived early|arrived quickly|arrived on time|free shipping|got a refund|resolved|fixed it|sorted|' +
      'thank you|thanks|five stars|love it|like it|liked it|enjoy|enjoying|glad|excited|pleasure|superb|outstanding|' +
      'terrific|brilliant|cool|neat|handy|efficient|speedy|swift|snappy|zippy|top notch|well built|well designed|cheap price|' +
      'not expensive|inexpensive|worth the money|worth every penny|well packed|packed well|packaged well|no damage|undamaged',
    trait: 'loud|soft|smooth|bright|sharp|quiet|warm|sweet|strong|stable|sensitive|firm|thick|light|tight fitting|crunchy|juicy|moist|rich',
  },
  cues: {
    quality:
      'poor quality|low quality|bad quality|cheap quality|quality is poor|quality is bad|quality is terrible|quality sucks|' +
      'feels cheap|looks cheap|cheaply made|cheap material|cheap plastic|cheap feeling|cheaply|flimsy|shoddy|poorly made|' +
      'badly made|poorly built|poorly constructed|not well made|not durable|lemon|waste of money|piece of junk|piece of crap|' +
      'piece of garbage|not reliable|unreliable|poorly designed|bad design|design flaw|badly designed|ugly|hideous',
    'quality.defect_broken':
      'dead on arrival|doa|dead pixel|dead pixels|hinge broke|hinge cracked|screen cracked|' +
      'cracked screen|loose screw|split seam|seam ripped|stitching came|sole came off|heel broke|zipper broke|button fell off|' +
      'short circuit|sparks|smoking|keys stick|screen flicker|dead battery|battery died|battery dies|' +
      'will not hold a charge|does not hold a charge|not hold a charge|holds no charge|would not hold a charge|' +
      'hard drive failed|hard drive crashed|hard drive died|motherboard failed|motherboard died|broke after|broken after|' +
      'broke within|died after|died within|stopped working after|fell apart after|dead after|in pieces|came in pieces|' +
      'keeps crashing|keeps freezing|keeps restarting|keeps shutting down|randomly shuts off|' +
      'randomly restarts|random restarts|random shutdowns|will not stay on|broke the first|broke on the first',
    'quality.not_as_described':
      'not as described|not as pictured|not as advertised|not as shown|not what was advertised|nothing like the picture|' +
      'nothing like the photo|looks nothing like|does not look like the picture|does not look like the photo|different from the picture|' +
      'different from the description|misleading description|description is wrong|description is misleading|description says|' +
      'listing says|advertised as|claimed to be|smaller than pictured|smaller than it looks|thinner than expected|not real leather|' +
      'not genuine leather|mostly air|does not have|did not have|lacks|lacking|lack of|no cd drive|no dvd drive|no disc drive|' +
      'no optical drive|no ethernet|no ethernet port|no backlit|no backlight|not backlit|no cd|no dvd|no superdrive|no hdmi|' +
      'no usb|no webcam|no camera|no numeric keypad|no number pad|no touchscreen|not touchscreen|does not even have|' +
      'only has|only comes with|specs are wrong|wrong specs|missing feature|' +
      'missing features|not as expected|not what i thought|too much bloatware|not as good as|smaller than the picture|' +
      'looks different|looked different',
    'quality.colour_difference':
      'color is off|colour is off|shade is off|colors are off|wrong color|wrong colour|wrong shade|different color|different colour|' +
      'different shade|color is different|color was different|color does not match|color did not match|darker than pictured|' +
      'lighter than pictured|darker than the picture|lighter than the picture|darker than expected|lighter than expected|faded|' +
      'fades|fading|discolored|discoloured|yellowed|color bleeds|color ran|dye ran|bleeds|color washed out|colors washed out|' +
      'not the color|not the same color|color looks different',
    'quality.size_fit':
      'sizing is off|size is off|sizing is wrong|not true to size|order a size up|order one size up|size up|size down|pinches|' +
      'size chart is wrong|size chart is off|fit is off|fit is weird|does not fit right|does not fit well|did not fit well|' +
      'uncomfortable fit|bad fit|poor fit|wrong size',
    'quality.fake_or_expired':
      'fake|counterfeit|knockoff|knock off|not genuine|not authentic|not original|imitation|replica|bootleg|fake product|not the real|' +
      'expiration date passed|past the expiration|not fresh|returned item|repackaged|used product|not new|' +
      'not brand new|was not new|signs of use|fingerprints on|sour|rancid|bugs in|insects|mold on',
    'quality.poor_effect':
      'does not work well|did not work well|not work well|works poorly|poor performance|slow performance|underpowered|slow to boot|' +
      'slow to start|slow to load|takes forever to boot|takes forever to load|slow processor|slow computer|runs slow|running slow|' +
      'battery life is short|short battery life|poor battery life|bad battery life|battery life is poor|battery life is bad|' +
      'battery life sucks|battery does not last|battery drains|drains fast|drains quickly|noisy|fan is loud|fan noise|' +
      'fan is noisy|loud fan|whines|buzzing|humming|no effect|did not do anything|does not do anything|no difference|no results|not effective|' +
      'ineffective|did not help|does not help|uncomfortable|hurts|hurt my|itchy|scratchy|stiff|heavy|too heavy|bulky|hard to use|' +
      'difficult to use|hard to set up|difficult to set up|hard to open|hard to clean|hard to read|hard to assemble|hard to install|' +
      'hard to navigate|hard to carry|not easy|not user friendly|not intuitive|confusing|clunky|awkward|dim|blurry|grainy|' +
      'washed out|poor resolution|low resolution|bad resolution|glare|reflective|tinny|weak sound|poor sound|sound is bad|' +
      'sound is poor|speakers are weak|weak signal|drops connection|drops wifi|wifi drops|keeps disconnecting|disconnects|' +
      'disconnecting|bloatware|crapware|tastes bad|tastes awful|taste bad|bland|too sweet|too salty|too sour|bitter|watery|' +
      'greasy|oily|sticky|drying|does not last|wore off|wears off|did not last|not long lasting|does not stay|smudges|smears|' +
      'patchy|streaky|cakey|flakes|flaky|does not lather|no lather|weak suction|poor suction|not powerful|gets hot|runs hot|' +
      'runs out fast|runs out quickly|ran out quickly|used up quickly|runs out too fast|drops calls|keeps dropping|' +
      'too hot|very hot|burning hot|hot to the touch|heats up|freezes up|lags behind|stutters|stuttering|choppy|not responsive|' +
      'unresponsive touchpad|touchpad is|trackpad is|jumps around|jumps all over|hard to type|keys are|cramped|tiny keys|' +
      'small keys|poor battery|battery is weak|battery drains fast|barely lasts|lasts only|only lasts|dies quickly|heavy to carry|' +
      'too heavy to carry|not portable|hard to see|hard to hear|not bright enough|not loud enough|wobbles|rattles|rattling|' +
      'does not clean|does not cook|does not heat|does not cool|takes too long to|not sharp|dull|pills after',
    'quality.smell':
      'smells like|smelled like|smell bad|smells bad|bad smell|strong smell|strange smell|weird smell|funny smell|chemical smell|' +
      'plastic smell|burning smell|musty|mildew|stinky|reeks|foul|nasty smell|overpowering|too strong|perfumey|fishy|' +
      'awful smell|horrible smell|terrible smell|off smell|smelled bad|smell of|odor of|strong odor|strong odour|bad odor|smelly',
    'quality.skin_reaction':
      'allergic|allergy|allergic reaction|rash|rashes|breakout|breakouts|broke out|broke me out|breaking out|pimples|acne|' +
      'irritation|irritated skin|skin irritation|burning sensation|burned my skin|burns my skin|stings|stinging|itching|redness|' +
      'red bumps|hives|swelling|swollen|blisters|blister|stomach ache|upset stomach|diarrhea|food poisoning|made me sick|got sick|' +
      'threw up|vomit|watery eyes|burning eyes|eyes burn|eyes watering|burned my|made my skin|clogged pores',
    'quality.packaging':
      'cheap packaging|packaging was poor|packaging was bad|no box|no packaging|not sealed|' +
      'seal was broken|broken seal|seal broken|unsealed|tampered|tamper|flimsy packaging',
    'logistics.slow_delivery':
      'slow shipping|slow delivery|shipping was slow|shipping took|delivery took|took forever to arrive|took forever to ship|' +
      'took forever to get here|took a long time to arrive|took so long to arrive|took weeks to arrive|took a month to arrive|' +
      'arrived late|came late|delivered late|late delivery|late arrival|weeks late|days late|a week late|two weeks late|' +
      'delayed shipping|shipping delay|shipping delayed|delivery delayed|delayed delivery|has not shipped|not shipped|never shipped|' +
      'slow to ship|slow to arrive|took forever to receive|waited weeks|waited two weeks|waited a month|missed the delivery date|' +
      'past the delivery date|later than estimated|backordered|back ordered|weeks to arrive|weeks to get here|weeks to ship|' +
      'month to arrive|days to ship|still has not shipped|took long to ship|took long to arrive|late in delivery|delivery was late',
    'logistics.damaged_parcel':
      'box was crushed|box crushed|box was damaged|box damaged|package was damaged|package damaged|package was crushed|' +
      'parcel was damaged|damaged package|damaged box|crushed box|dented box|box was torn|package was torn|torn package|' +
      'package was open|package was opened|box was open|box was opened|poorly packed|poorly packaged|badly packed|not packed well|' +
      'inadequate packaging|no padding|no bubble wrap|thrown on|tossed over|shipping damage|water damaged|soaked|' +
      'damaged by the carrier|damaged by ups|damaged by fedex|arrived crushed|came crushed|arrived smashed',
    'logistics.lost_or_missing':
      'did not get the free|free gift was missing|gift was missing|missing gift|no free gift|did not receive the gift|only got one|only received one|missing item|missing items|item missing|items missing|missing parts|missing pieces|parts missing|pieces missing|' +
      'part of my order|incomplete order|order was incomplete|missing from the box|was not in the box|not in the box|empty box|' +
      'box was empty|missing from the package|missing from my order',
    'logistics.wrong_item':
      'wrong item|wrong product|wrong model|wrong one|sent the wrong|received the wrong|got the wrong|shipped the wrong|' +
      'delivered the wrong|sent me the wrong|not what i bought|is not what i ordered|was not what i ordered|different item|' +
      'different product|different model|someone else order|mixed up|mix up|mixup|order was wrong|wrong order|incorrect item|' +
      'incorrect order|sent me a different|sent a different|received a different|got a different',
    'logistics.tracking':
      'no tracking|tracking number does not work|tracking number did not work|tracking was not updated|tracking not updated|' +
      'tracking never updated|tracking has not updated|tracking stopped|tracking says|tracking shows|tracking showed|' +
      'no tracking information|no tracking info|stuck in transit|stuck at|in transit for|fake tracking|no tracking number|' +
      'tracking number is invalid',
    'logistics.courier_attitude':
      'left at the door|left on the porch|left outside|left in the rain|thrown over the fence|did not knock|did not ring|' +
      'never knocked|no attempt|attempted delivery|did not attempt|rude driver|rude courier|driver was rude|' +
      'courier was rude|refused to deliver|would not deliver|will not deliver|pick it up myself|had to pick it up|' +
      'go to the post office|drive to the depot|left it at|threw the package|threw my package',
    'logistics.shipping_fee':
      'expensive shipping|high shipping|outrageous shipping|overpriced shipping|charged for shipping|had to pay for shipping|' +
      'paid for shipping|paid for expedited|paid extra for shipping|customs fees|import fees|spent as much for shipping|' +
      'shipping cost more|shipping costs more|shipping was expensive|shipping is expensive|shipping was too expensive',
    service:
      'called customer service|called support|called tech support|contacted customer service|contacted support|' +
      'called the company|called them|emailed them|contacted them|calls later|many calls|several calls|multiple calls|' +
      'numerous calls|spent hours on|weeks of back and forth|on the phone with|talked to|spoke to|spoke with|' +
      'chatted with|customer service said|support said|tech said|they said|they told me|told me that',
    'service.attitude':
      'rude customer service|customer service was rude|support was rude|rude staff|rude rep|rude representative|rude agent|' +
      'was treated|how i was treated|hung up on me|yelled at|argued with|no apology|did not apologize|never apologized|' +
      'sales pressure|upsell|upselling|customer service is terrible|customer service was terrible|customer service is horrible|' +
      'customer service was horrible|customer service is awful|customer service was awful|customer service is bad|' +
      'customer service was bad|customer service sucks|terrible customer service|horrible customer service|awful customer service|' +
      'bad customer service|poor customer service|worst customer service|lousy customer service',
    'service.slow_response': 'hold time|wait time|canned response|no phone number|no contact number',
    'service.return_refund_hassle':
      'refund took|refund was slow|slow refund|still waiting for my refund|still waiting for a refund|never got my refund|' +
      'never received my refund|never got a refund|no refund|refused a refund|refused to refund|refused refund|will not refund|' +
      'would not refund|denied my refund|denied a refund|denied the refund|will not accept the return|would not accept the return|' +
      'refused the return|refused to accept|would not accept|restocking fee|pay for return shipping|paid for return shipping|' +
      'no return label|hard to return|difficult to return|impossible to return|hassle to return|will not exchange|' +
      'would not exchange|refused to exchange|no exchange|store credit only|only store credit|only offered store credit|' +
      'partial refund|only refunded|refund was denied|refund denied|chargeback|return was refused|could not return|' +
      'can not return|would not let me return|not returnable|non returnable|past the return window|outside the return window',
    'service.unresolved':
      'refused to help|gave me the runaround|denied my claim|claim denied|' +
      'rejected my claim|claim was denied|still waiting for a fix|never heard anything|no one knew|nobody knew|did not know what|' +
      'did not know anything|did not know how',
    'service.warranty_repair':
      'had to pay for the shipping|had to pay to ship|pay for shipping both ways|had to pay shipping|pay for the shipping|' +
      'out of warranty|warranty expired|warranty ran out|void the warranty|voided the warranty|voided my warranty|' +
      'will not honor the warranty|would not honor the warranty|not covered|is not covered|was not covered|not covered by warranty|' +
      'pay to have it repaired|paid for repair|pay for repair|cost to repair|repair cost|charged me for repair|charged for repair|' +
      'sent it in for repair|sent it back for repair|send it in for repair|send it back for repair|sent it to be repaired|' +
      'in for repair|back for repair|sent back for|in the shop|at the repair|repaired twice|repaired three times|sent it back twice|' +
      'sent it back three times|third repair|second repair|another repair|for repairs|to be repaired|had it repaired|' +
      'have it repaired|get it repaired|got it repaired|to be fixed|get it fixed|got it fixed|have it fixed|had it fixed|' +
      'repair depot|warranty service|warranty claim|warranty repair|warranty is useless|warranty was useless|' +
      'repairs later|after the repair|after repair|came back from repair|returned from repair',
    'price.price_drop':
      'price dropped|price drop|price went down|dropped the price|lowered the price|cheaper now|now cheaper|is now cheaper|' +
      'cheaper elsewhere|cheaper at|cheaper on|cheaper in store|found it cheaper|found it for less|could have bought it for less|' +
      'could have gotten it for less|paid more than|went on sale|on sale the next|on sale a week|sale right after|price match|' +
      'price adjustment|would not price match|will not price match|price protection|price difference|difference in price|' +
      'charged more|cheaper somewhere else|cheaper in stores|less elsewhere|price went up|price increased|raised the price',
    'price.promotion':
      'coupon did not work|coupon was not applied|coupon not applied|discount was not applied|discount not applied|' +
      'discount did not apply|promo code did not work|code did not work|did not get the discount|no discount|' +
      'rebate never|' +
      'never got the rebate|never received the rebate|rebate was denied|mail in rebate|bundle was missing|promised a|promised free|' +
      'false promotion|fake discount|fake sale|inflated original price|sale price was not',
    'price.overpriced': 'for what you pay|for what you get|for this kind of money|for that kind of money|paid a premium',
  },
  negators:
    'there is no|there are no|there was no|there were no|there is not|there are not|there was not|there is not a|there is not an|not a single|not one|not|no|never|without|hardly|barely|nothing|none|neither|nor|nobody|no one|zero|free of|free from|little to no',
  neutral:
    'not only|not just|no matter|not sure|no idea|nothing else|not to mention|needless to say|no doubt|no wonder|not yet|' +
    'have not tried|not used yet|have not used|can not wait|could not be happier|can not believe|just arrived|just received|' +
    'just got|so far|my old|old one|my previous|previous laptop|previous one|used to|used it|use it|using it|i use|we use|' +
    'after using|years old|year old|months old|old laptop|old computer|old phone|big deal|rather than|instead of|other than|' +
    'more than|less than|no longer|for the money|for the price|at this price|at the price|the only|only thing|' +
    'break down|what i expected|as expected|than expected|than i expected|if you want|if you need|if you are|even though|' +
    'not much|no big|not bad at all|nothing to complain|no reason|not need|do not need|did not need|not necessary|' +
    'hard to beat|hard to find a better|can not go wrong|could not ask for|no frills|not the fastest but|stuck with it|' +
    'stuck with a|stuck with this|only one who|the only one|do not forget|not to forget|never forget|not kidding|no wonder',
  meta:
    'disappointed|very disappointed|so disappointed|extremely disappointed|unhappy|not happy|angry|upset|furious|mad|regret|' +
    'regret buying|never again|never buy|never buying|never purchase|will not buy|would not buy|will never|do not buy|avoid|' +
    'stay away|buyer beware|beware|not recommend|would not recommend|do not recommend|can not recommend|one star|' +
    'zero stars|no stars|worst purchase|worst experience|lesson learned|returning it|returned it|will return|' +
    'going to return|gonna return|thinking about returning|thinking of returning|ugh|sigh|wtf|smh|enough said|nuff said|' +
    'not satisfied|dissatisfied|unsatisfied|not pleased|displeased|fed up|sad|sucks to|what a shame|shame|too bad|' +
    'do not waste|save your money|look elsewhere|buy something else|never buying again|not buying again|last time i buy',
  contrast:
    'but|and|however|although|though|except|unfortunately|sadly|yet|whereas|other than that|apart from|aside from|besides|' +
    'on the other hand|then|plus|overall|additionally|moreover|in addition|finally|otherwise|still|on top of that|also',
  excess: 'too|overly|way too|a bit too|a little too|far too|excessively|a tad too',
  short: 'not quite',
  mild: 'a little|a bit|a little bit|somewhat|slightly|kind of|kinda|rather|a tad|fairly|quite',
  hypothetical:
    'if|unless|in case|hopefully|hope|hoping|worried|worry|afraid|concerned|might|may|could be|would be|wonder|whether|' +
    'in the future|should|supposedly|just in case|fingers crossed|not sure if|we will see|time will tell',
};

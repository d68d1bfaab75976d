import type { LanguageLibrary } from './library.types';

/**
 * The built-in library in English. Written for the fallbacks: `{buyer}` only after "Hi" ("Hi there"),
 * `{product}` after "your"/"the" ("your item"), `{carrier}` where "the courier" reads well.
 */
export const EN_LIBRARY: LanguageLibrary = {
  fallbacks: { buyer: 'there', product: 'item', shop: 'our shop', carrier: 'the courier' },

  causes: {
    'quality/defect_broken': {
      issue: ['the item arrived with a defect', 'your order turned up damaged'],
      feel: [
        'Hi {buyer}, opening your {product} and finding it flawed is a real letdown, and we completely understand your frustration.',
        'Hi {buyer}, you paid for a {product} in perfect condition and received one with a defect; we would be upset too.',
        'Hi {buyer}, we are so sorry your {product} reached you damaged. That is not the experience you deserved.',
      ],
      found: [
        'We will re-inspect the rest of this batch and check each piece before anything ships.',
        'Our quality team will go through the remaining stock from the same batch and check every unit before dispatch.',
        'We will trace your order through our warehouse and tighten both our packing and our quality checks.',
      ],
      explain: ['We are checking our dispatch inspection and the delivery record for your order; whichever step it was, it is on us.'],
    },
    'quality/not_as_described': {
      issue: ['the item was not what the listing described', 'what arrived did not match the product page'],
      feel: [
        'Hi {buyer}, you ordered based on our description and the {product} you received did not match it; that gap is genuinely disappointing.',
        'Hi {buyer}, when the item does not match the listing it feels misleading, and we understand why you feel that way.',
        'Hi {buyer}, the difference between the listing and the real {product} is our mistake, and we are sorry it let you down.',
      ],
      found: [
        'We will go through the product page line by line, correct what is inaccurate and replace the photos with real shots.',
        'We will rewrite the listing from the actual product, including sizes, materials and details.',
        'We will compare the page with the real item and add clear notes wherever the description could mislead.',
      ],
      explain: ['Our listing was not accurate enough in places. We did not describe the item clearly, and that is our fault.'],
    },
    'quality/colour_difference': {
      issue: ['the colour was quite different from the photos', 'the colour did not match what you saw online'],
      feel: [
        'Hi {buyer}, you chose this for the colour in the photos, so receiving something noticeably different is a real disappointment.',
        'Hi {buyer}, a colour that does not match the pictures is frustrating, and we are sorry.',
        'Hi {buyer}, picking a colour carefully and getting a different shade would bother anyone.',
      ],
      found: [
        'We will re-photograph this item in natural light and add a colour note to the product page.',
        'We will colour-correct our product images and note how the shade can look under different lighting.',
        'We will use unedited shots of the real item as the main photos, so the colour you see is the colour you get.',
      ],
      explain: ['We compared the item with our photos, and our lighting and editing shifted the colour. That is our mistake.'],
    },
    'quality/size_fit': {
      issue: ['the size did not fit', 'the fit was not what you expected'],
      feel: [
        'Hi {buyer}, a size that does not fit is uncomfortable and a hassle to sort out, and we are sorry.',
        'Hi {buyer}, choosing your usual size and finding it does not fit is annoying, and we get it.',
        'Hi {buyer}, we are sorry the fit of your {product} was not what you expected.',
      ],
      found: [
        'We will re-measure every size and add a more detailed size chart with fitting advice to the product page.',
        'We will check our size chart against the real garments, and our team will ask about height and build before recommending a size.',
        'We will say clearly on the product page whether this style runs large or small.',
      ],
      explain: ['This style fits a little differently from standard sizing, and our page did not make that clear.'],
    },
    'quality/fake_or_expired': {
      issue: ['you were worried the item was not genuine or not fresh', 'the authenticity or shelf life of the item worried you'],
      feel: [
        'Hi {buyer}, worrying about whether a product is genuine or fresh is unsettling, and your trust matters a great deal to us.',
        'Hi {buyer}, we take any concern about the authenticity or shelf life of your {product} very seriously.',
        'Hi {buyer}, it is an awful feeling not to trust something you paid for, and we do not take that lightly.',
      ],
      found: [
        'We will pull the purchase records and production dates for this batch and check them one by one; you are welcome to see them.',
        'We will set this batch aside for inspection, and we can share its sourcing and batch details with you.',
        'We will verify the source and dates of this batch and recheck every unit leaving our warehouse for shelf life.',
      ],
      explain: ['We have pulled the purchase records and production dates for this batch and can send them to you to check together.'],
    },
    'quality/poor_effect': {
      issue: ['the item did not work as well as you hoped', 'the product did not perform as expected'],
      feel: [
        'Hi {buyer}, when a product does not deliver the results you hoped for, it feels like money wasted.',
        'Hi {buyer}, we are sorry your {product} did not work the way you wanted it to.',
        'Hi {buyer}, giving something a fair try and not seeing the results is disappointing, and we understand.',
      ],
      found: [
        'We will pass your feedback to our product team to check point by point, and we will make the instructions clearer.',
        'We will review the performance of this product with the manufacturer and add its intended use to the listing.',
        'Our product team will work through your comments and revise the user guide.',
      ],
      explain: ['We are checking both the product itself and whether our instructions were clear enough.'],
    },
    'quality/smell': {
      issue: ['the item had an unpleasant smell', 'there was a strong odour when you opened it'],
      feel: [
        'Hi {buyer}, a strong smell right out of the box makes anyone hesitant to use it, and we are sorry.',
        'Hi {buyer}, an odour from your {product} is unpleasant, and we would feel the same.',
        'Hi {buyer}, nobody wants to use something that smells off, and that is on us.',
      ],
      found: [
        'We will check the rest of this batch and air items out before dispatch; anything that fails will be held back.',
        'We will re-test this batch for odour and look at more breathable packaging.',
        'We will spot-check all stock from this batch and not ship it until it passes.',
      ],
      explain: ['New items sealed in packaging for a long time can pick up a smell, and we did not deal with that before shipping.'],
    },
    'quality/skin_reaction': {
      issue: ['your skin reacted after using it', 'you had an allergic reaction'],
      feel: [
        'Hi {buyer}, a skin reaction is worrying and uncomfortable, and we hope you are feeling better.',
        'Hi {buyer}, we are very sorry and genuinely concerned to hear your {product} caused a reaction.',
        'Hi {buyer}, a reaction like this is stressful, and we noticed your review straight away.',
      ],
      found: [
        'We will pull the ingredient list and test reports for this batch for review and report your case to the brand.',
        'We will have this batch re-tested and show ingredients and patch-test advice more clearly on the product page.',
        'We will check the test reports for this batch and add advice for sensitive skin to the listing.',
      ],
      explain: ['We are checking the ingredients and test reports for this batch. Your health comes first: if the irritation continues, please see a doctor.'],
    },
    'quality/packaging': {
      issue: ['the packaging was poor', 'the packaging was flimsy and damaged'],
      feel: [
        'Hi {buyer}, poor packaging takes the joy out of opening your order, and we are sorry.',
        'Hi {buyer}, careless packaging makes it look as if we do not care, and we understand why it bothered you.',
        'Hi {buyer}, we are sorry the packaging spoiled your first impression of the {product}.',
      ],
      found: [
        'We will move to sturdier boxes with reinforced seals and inner padding.',
        'We will upgrade our packaging materials and go over the packing standard with our team again.',
        'We will redesign the packaging for this item so it holds up better in transit.',
      ],
      explain: ['The packaging we used for this batch was not sturdy enough, and we are already replacing it.'],
    },
    quality: {
      issue: ['the quality was not up to standard'],
      feel: [
        'Hi {buyer}, we are sorry the quality of your {product} did not meet your expectations.',
        'Hi {buyer}, paying for something and not being happy with it is frustrating, and we understand.',
        'Hi {buyer}, the quality let you down, and that is the last thing we want.',
      ],
      found: [
        'We will pass your feedback to our quality team and re-inspect this batch.',
        'We will investigate the quality issue with our supplier and tighten our checks before dispatch.',
        'We will check this batch item by item, and any batch with a problem will not be shipped.',
      ],
      explain: ['We are looking into the quality of this batch, and your feedback really helps.'],
    },

    'logistics/slow_delivery': {
      issue: ['the delivery took far too long', 'you waited days longer than expected'],
      feel: [
        'Hi {buyer}, waiting on a parcel is no fun, and we are sorry it took so long to reach you.',
        'Hi {buyer}, checking the tracking day after day with no progress is frustrating, and we understand.',
        'Hi {buyer}, sorry for the long wait for your {product}.',
      ],
      felt: [
        'Shipping speed is something we keep a close eye on, and we have taken note of this.',
        'Delivery times matter to our customers, and they matter to us too.',
        'Keeping you waiting was our fault, and we take it seriously.',
      ],
      found: [
        'We will adjust our warehouse packing schedule so orders go out sooner.',
        'We will raise the delivery times on this route with {carrier} and look at adding dispatch runs.',
        'We will look at staffing in the warehouse so orders go out faster.',
      ],
      explain: ['We checked your order, and both the pickup and the transit were slower than usual. We are looking into it with {carrier}.'],
    },
    'logistics/damaged_parcel': {
      issue: ['the parcel was crushed in transit', 'the box arrived damaged'],
      feel: [
        'Hi {buyer}, receiving a battered parcel ruins the moment, and we are sorry.',
        'Hi {buyer}, a damaged parcel is upsetting, especially when you are worried about what is inside.',
        'Hi {buyer}, we are sorry your {product} was knocked about on its way to you.',
      ],
      found: [
        'We will report the damage to {carrier} and ship fragile items in reinforced packaging.',
        'We will pack this item with extra cushioning and handle-with-care labels, and follow up with {carrier}.',
        'We will change how we pack this item and add an extra protective layer before it ships.',
      ],
      explain: ['Judging by the delivery record, the parcel was damaged in transit, and we have filed a claim with {carrier}.'],
    },
    'logistics/lost_or_missing': {
      issue: ['part of your order was missing', 'something was missing from the parcel'],
      feel: [
        'Hi {buyer}, paying for an order and not receiving all of it would frustrate anyone.',
        'Hi {buyer}, we are sorry you had to chase us about a missing item.',
        'Hi {buyer}, an incomplete parcel after all that waiting is disappointing, and we understand.',
      ],
      found: [
        'We will check the packing list and weight record for your order and follow up with {carrier}.',
        'We will have our warehouse do a second count after packing, checking every item against the order.',
        'We will go through the packing record for your order and add an extra check before parcels leave the warehouse.',
      ],
      explain: ['We compared our dispatch record with the parcel weight and are working with {carrier} to find where it went wrong.'],
    },
    'logistics/wrong_item': {
      issue: ['you received the wrong item', 'the item sent was not the one you ordered'],
      feel: [
        'Hi {buyer}, opening your parcel to find the wrong item is a real letdown.',
        'Hi {buyer}, we are sorry the item you received was not what you ordered, and that you have to spend time on it.',
        'Hi {buyer}, sending the wrong item was entirely our mistake, and we are sorry for the hassle.',
      ],
      found: [
        'We will review how this order was picked and scan every order to confirm the style and size before it ships.',
        'We will add a scan check in our warehouse, so style, colour and size must all match before a parcel goes out.',
        'We will go over this mix-up with our warehouse team and rework our picking checks.',
      ],
      explain: ['Our warehouse picked the wrong item for your order. That was entirely our mistake.'],
    },
    'logistics/tracking': {
      issue: ['the tracking stopped updating', 'you could not see where your parcel was'],
      feel: [
        'Hi {buyer}, tracking that never moves leaves you in the dark, and that is stressful.',
        'Hi {buyer}, not knowing where your parcel is would worry anyone, and we understand.',
        'Hi {buyer}, days without a tracking update is frustrating, and we are sorry.',
      ],
      found: [
        'We will contact {carrier} to confirm where your parcel actually is, and keep you updated.',
        'Whenever tracking stalls for more than a day, our team will contact the buyer with an update.',
        'We will press {carrier} about the late tracking updates on this route.',
      ],
      explain: ['We have asked {carrier} to locate your parcel and will let you know the moment we hear back.'],
    },
    'logistics/courier_attitude': {
      issue: ['the courier was rude', 'the delivery itself was unpleasant'],
      feel: [
        'Hi {buyer}, being treated rudely when collecting a parcel is upsetting, and we understand.',
        'Hi {buyer}, even though it happened at the delivery stage, it is still part of shopping with us, and we are sorry.',
        'Hi {buyer}, we are sorry your delivery came with an unpleasant experience.',
      ],
      found: [
        'We will report this delivery to {carrier} and ask them to look into it.',
        'We will raise this formally with the local {carrier} depot and follow up on the outcome.',
        'We will review the delivery service with {carrier} and switch couriers in this area if needed.',
      ],
      explain: ['We have filed a complaint about this delivery with {carrier} and will follow up on how they handle it.'],
    },
    'logistics/shipping_fee': {
      issue: ['the shipping charge felt unfair', 'shipping cost more than you expected'],
      feel: [
        'Hi {buyer}, we understand the shipping charge did not feel fair to you.',
        'Hi {buyer}, paying more for shipping than you expected is annoying, and we are sorry.',
        'Hi {buyer}, we did not make the shipping cost clear up front, and that is on us.',
      ],
      found: [
        'We will review our shipping rates and make the charges more visible on the product page.',
        'We will check our shipping settings and add notes for remote areas to the listing.',
        'We will show the shipping rules prominently at checkout, so there are no surprises later.',
      ],
      explain: ['We checked our shipping settings, and the charges were not explained clearly enough on the page.'],
    },
    logistics: {
      issue: ['the delivery did not go smoothly'],
      feel: [
        'Hi {buyer}, we are sorry the delivery caused you so much trouble.',
        'Hi {buyer}, a bumpy delivery is frustrating, and we understand.',
        'Hi {buyer}, from dispatch to delivery this order did not go smoothly, and that is on us.',
      ],
      found: [
        'We will review this delivery with {carrier} and improve our dispatch process.',
        'We will review the courier service on this route and replace it if it does not improve.',
        'We will rework the handover between our warehouse and the courier.',
      ],
      explain: ['We checked the delivery record and are confirming the details with {carrier}.'],
    },

    'service/attitude': {
      issue: ['our customer service was rude to you', 'you were treated poorly by our team'],
      feel: [
        'Hi {buyer}, you came to us for help and were treated poorly instead, which should never happen.',
        'Hi {buyer}, our team made you feel brushed off, and we understand how upsetting that is.',
        'Hi {buyer}, being spoken to coldly would upset anyone, and we are truly sorry.',
      ],
      felt: [
        'I manage our customer service team, I have read the conversation myself, and the way you were spoken to was not acceptable.',
        'As customer service manager, I apologise personally; that is not the service we want to give.',
        'I lead our customer service team, I will share your feedback with everyone, and it will not happen again.',
      ],
      found: [
        'We will retrain the team member involved and review chat transcripts every week.',
        'We will go over our service standards again, and a supervisor will review conversations every day.',
        'Our team will review this conversation together, and everyone will follow our service guidelines.',
      ],
      explain: ['I manage the customer service team and have read the chat. The replies you got were not right, and I apologise on behalf of the team.'],
    },
    'service/slow_response': {
      issue: ['our replies were far too slow', 'nobody answered your messages for a long time'],
      feel: [
        'Hi {buyer}, needing help and waiting ages for a reply is frustrating, and we are sorry.',
        'Hi {buyer}, sending a message and hearing nothing back for hours is stressful, and we understand.',
        'Hi {buyer}, you needed help and we did not respond in time; that is our failure.',
      ],
      found: [
        'We will add staff at peak times and set up alerts for messages left unanswered.',
        'We will reorganise our rota so there is cover in the evenings and at weekends.',
        'We will give every enquiry a response deadline, with overdue ones going straight to a supervisor.',
      ],
      explain: ['We checked our records for that period, and our replies were far too slow because we did not have enough people on.'],
    },
    'service/return_refund_hassle': {
      issue: ['the return was far too much hassle', 'your refund dragged on'],
      feel: [
        'Hi {buyer}, a return should be simple, and having to go back and forth made a bad situation worse.',
        'Hi {buyer}, we are sorry the return took so much of your time and effort.',
        'Hi {buyer}, waiting on a refund that never seems to arrive is exhausting, and we understand.',
      ],
      found: [
        'We will simplify our returns process, with one person handling each return from start to finish.',
        'We will aim to review return requests the same day and update buyers at every step.',
        'We will cut steps out of our returns process, and our team will tell buyers exactly what comes next.',
      ],
      explain: ['We looked at your return, and it took far too long; several steps could have been skipped.'],
    },
    'service/unresolved': {
      issue: ['your problem was never solved', 'nobody followed up on your issue'],
      feel: [
        'Hi {buyer}, raising a problem and never getting a resolution would test anyone’s patience.',
        'Hi {buyer}, having to repeat yourself and still see no fix must feel like nobody cares, and we are sorry.',
        'Hi {buyer}, you waited far too long for a solution, and our follow-up fell short.',
      ],
      found: [
        'One person will be responsible for your case and stay on it until it is resolved.',
        'We will keep a log of open after-sales issues, each with an owner and a deadline.',
        'We will review how your case was handled so that handovers have one person following through.',
      ],
      explain: ['I am handling your case personally now, so you will not need to explain it again, and I will stay on it until it is solved.'],
    },
    'service/warranty_repair': {
      issue: ['the warranty repair went badly', 'your repair kept being delayed'],
      feel: [
        'Hi {buyer}, a broken item that still is not fixed, with delays on top, is frustrating.',
        'Hi {buyer}, we are sorry the warranty process has had you going back and forth.',
        'Hi {buyer}, waiting on a repair with no end in sight is maddening, and we understand.',
      ],
      found: [
        'We will contact the repair centre and ask for your repair to be prioritised.',
        'We will rework our warranty process so every step of a repair is communicated as it happens.',
        'We will work with the manufacturer’s service team to shorten warranty turnaround times.',
      ],
      explain: ['We have contacted the repair centre about your order and I will follow it up from here.'],
    },
    service: {
      issue: ['our service let you down'],
      feel: [
        'Hi {buyer}, we are sorry our service did not meet your expectations.',
        'Hi {buyer}, we did not help you the way we should have, and we regret that.',
        'Hi {buyer}, you asked us for help and did not get a good answer, and we are sorry.',
      ],
      found: [
        'We will review how this case was handled, and our service team will go back over our standards.',
        'We will read through the conversation and share the issues with the team to fix.',
        'We will change our after-sales process so every issue has someone seeing it through.',
      ],
      explain: ['We have read the conversation, and we did not look after you properly.'],
    },

    'price/price_drop': {
      issue: ['the price dropped right after you bought', 'the price fell soon after your purchase'],
      feel: [
        'Hi {buyer}, seeing the price drop right after you ordered is annoying, and we understand.',
        'Hi {buyer}, it feels unfair when something gets cheaper days after you buy it.',
        'Hi {buyer}, the price change left you feeling short-changed, and we did not handle that well.',
      ],
      found: [
        'We will change how we schedule price changes and announce sale prices on the page in advance.',
        'Future price drops will be announced ahead of time so everyone can buy with confidence.',
        'We will keep a price-protection window before we lower a price, so recent buyers can claim the difference.',
      ],
      explain: ['This was a short-term sale price, and we did not let buyers who had just ordered know about it.'],
    },
    'price/promotion': {
      issue: ['the promotion was not applied', 'the discount you expected did not work'],
      feel: [
        'Hi {buyer}, you ordered for the promotion and did not get it, which is frustrating.',
        'Hi {buyer}, a discount that does not apply feels misleading, and we understand why you are unhappy.',
        'Hi {buyer}, our promotion rules kept you from getting the price you expected; we should have been clearer.',
      ],
      found: [
        'We will check the promotion settings and rewrite the terms in plain language.',
        'We will rewrite the promotion rules, and our team will explain how to use a discount before checkout.',
        'We will review the settings for this promotion and correct what is wrong.',
      ],
      explain: ['We checked the promotion settings: the terms were unclear and the discount did not apply automatically.'],
    },
    'price/overpriced': {
      issue: ['the price felt too high', 'the item did not feel worth the price'],
      feel: [
        'Hi {buyer}, if the price did not feel worth it, we did not show you the value you were paying for.',
        'Hi {buyer}, we take it seriously when what you receive does not match what you paid.',
        'Hi {buyer}, thank you for telling us the price did not feel right; that feedback matters.',
      ],
      found: [
        'We are making the materials and workmanship clearer on the product page and reviewing the price.',
        'We are reviewing costs with our supplier to offer a fairer price.',
        'Our pricing for this item is under review, and the listing will describe its materials honestly.',
      ],
      explain: ['The price mainly reflects the materials, but we did not explain its value clearly on the page.'],
    },
    price: {
      issue: ['the price left you unhappy'],
      feel: [
        'Hi {buyer}, we understand the pricing left you unhappy.',
        'Hi {buyer}, we have read your feedback on the price carefully.',
        'Hi {buyer}, the price did not meet your expectations, and we did not think it through.',
      ],
      found: [
        'We will review our pricing and promotion rules and make them clearer.',
        'Price changes will be announced in advance, so nobody is caught out again.',
        'We will adjust our pricing and promotion settings so they are easier to understand.',
      ],
      explain: ['We checked our pricing and promotion records, and some of it was not explained clearly.'],
    },

    other: {
      issue: ['this order did not satisfy you'],
      feel: [
        'Hi {buyer}, we are sorry this order did not live up to your expectations.',
        'Hi {buyer}, your review tells us we fell short somewhere, and we are sorry.',
        'Hi {buyer}, we have seen that you are not happy, and it matters to us.',
      ],
      found: [
        'Our team will reach out to hear exactly what went wrong, so we can put it right.',
        'We will go through your feedback point by point, from the product to our service.',
        'We will share your review with the team and work out what went wrong and how to fix it.',
      ],
      explain: ['First we would like to understand what exactly disappointed you, so we can really improve.'],
    },
  },

  felt: {
    quality: [
      'Product quality is what we care about most, and we act on every piece of feedback.',
      'Other customers have raised similar concerns, and we will not make excuses: this is ours to fix.',
      'We take what you have told us seriously, because it affects the trust every customer places in us.',
      'This matters to us, and we will not brush it aside.',
    ],
    logistics: [
      'Delivery may be in the courier’s hands, but it is still part of our service, and we take responsibility for it.',
      'Many customers care about this too, and it is a priority for us to improve.',
      'We have read about your experience carefully, and this is not what we want for you.',
      'We will not ignore this just because it happened during delivery.',
    ],
    service: [
      'Poor service is our problem, and we will not make excuses for it.',
      'Your experience matters to us, and other customers have flagged similar issues.',
      'We have discussed this as a team, and everyone has taken it to heart.',
      'We aim to get every conversation right, and this time we did not.',
    ],
    price: [
      'Pricing matters to everyone, and we take your view seriously.',
      'Other customers have shared similar concerns, and we will not dodge the question.',
      'We want every customer to know exactly what they are paying for, and this time we fell short.',
      'We have noted your feedback and will review our pricing rules honestly.',
    ],
    other: [
      'We read every review, and we treat each one as a chance to improve.',
      'How you feel matters to us, and we will not make excuses.',
      'We take this review seriously, and thank you for telling us.',
    ],
  },

  multi: {
    feel: [
      'Hi {buyer}, {problems}, which is a lot to deal with for one order, and we are truly sorry.',
      'Hi {buyer}, we are sorry: {problems}. One problem would be bad enough.',
      'Hi {buyer}, we read that {problems}, and we know this order left you very disappointed.',
    ],
    felt: [
      'We will go through every point you raised, and each one is ours to fix.',
      'We take all of these problems seriously and will not pick and choose or make excuses.',
      'More than one thing went wrong, which tells us our process has gaps, and we are closing them one by one.',
    ],
  },

  widespread: [
    'You are not the only customer to report this with the {product}, so we will pause shipping it and ask our supplier to fix the problem.',
    'Several customers have reported the same issue recently; we are tracing the cause with our supplier and will not ship this batch until it is fixed.',
    'This is not a one-off within the batch, so we will take the item off sale to investigate and describe it honestly on the product page.',
  ],

  highRisk: {
    feel: [
      'Hi {buyer}, we have received your feedback and recorded the details.',
      'Hi {buyer}, thank you for your feedback; we are looking into what you described.',
      'Hi {buyer}, we have read your review of the {product} and are checking the details.',
    ],
    felt: [
      'We take every review seriously and handle each one fairly and honestly.',
      'Every piece of feedback is checked through our normal process so we can give a responsible answer.',
      'We respect your opinion and will look into it based on the facts.',
    ],
    found: [
      'We will pull the dispatch and delivery records for this order; our team will contact you through the platform and handle it under the platform’s rules once checked.',
      'We will review the order and delivery records; please reach our team through the platform messages, and we will follow up under the platform’s rules.',
      'We are checking the relevant records, and all follow-up will take place on the platform and under its rules.',
    ],
  },

  remedy: [
    'To make it up to you, we would like to {remedy}.',
    'Here is what we will do: {remedy}. We will confirm the details with you shortly.',
    'This one is on us, so we will {remedy}.',
  ],

  connectors: ['Also, ', 'On top of that, '],

  thankYou: [
    'Thank you for the lovely review, {buyer}! Enjoy your {product}, and we hope to see you again.',
    'Hi {buyer}, your review made our day. Thanks so much for your support!',
    'Hi {buyer}, thank you! If you ever need anything, we are here to help.',
    'Thanks for the kind words, {buyer}. Happy customers are what keep us going.',
    'Hi {buyer}, thanks for taking the time to review your {product}. We hope you come back to {shop} soon!',
    'Hi {buyer}, we are so glad you are happy with your order. Thank you!',
    'Thank you, {buyer}! Knowing you are pleased is the best part of our day.',
    'Hi {buyer}, thank you for your trust. Everyone at {shop} will keep putting care into every order.',
    'So glad you like the {product}, {buyer}! Reach out anytime if you have questions.',
    'Hi {buyer}, it is great to hear you are happy. We look forward to serving you again!',
  ],

  short: {
    feel: ['Hi {buyer}, we are sorry {problems}.', 'Hi {buyer}, sorry {problems}.'],
    felt: ['We take this seriously.', 'This is on us, and we will put it right.'],
    found: ['We will put this right and contact you soon.', 'We will act on it and be in touch.'],
    highRisk: {
      feel: ['Hi {buyer}, thank you for your feedback.', 'Hi {buyer}, we have received your feedback.'],
      felt: ['We take every review seriously.', 'We will look into it fairly.'],
      found: ['We are checking the order records and will follow up on the platform.', 'We are reviewing the records and will reply on the platform.'],
    },
  },

  minimal: { feel: 'Sorry for the trouble.', felt: 'We take it seriously.', found: 'We will act on it and contact you.' },

  outreach: {
    prepareGoal: 'Before contacting the buyer, read the review, the chat history with customer service and the order timeline (ordered, shipped, delivered, reviewed), and confirm the cause: {causes}. Contacting with the wrong cause usually fails.',
    apologyGoal: 'Apologise sincerely first, whoever is at fault.',
    apology: [
      'Hi {buyer}, this is {shop} customer service. I saw your review of the {product}, and first of all I want to say sorry: we let you down.',
      'Hi {buyer}, I am calling from {shop} about your review. I am really sorry about the experience you had.',
    ],
    listenGoal: 'Let the buyer finish without interrupting or arguing; repeat the problem back to make sure you understood it.',
    listen: [
      'Could you tell me what happened? I will write everything down and make sure it gets sorted.',
      'Take your time; tell me everything that went wrong and I will note each point.',
    ],
    explainGoal: 'Explain briefly, in a sentence or two, without shifting blame or arguing.',
    remedyGoal: 'Offer a concrete solution and say it does not depend on the review; do not mention the review in this step.',
    leadApproval: 'This remedy is above what you can agree on your own: get a lead’s approval before offering it.',
    remedy: ['To make up for this, we would like to {remedy}, whatever you decide about your review. Would that work for you?', 'Here is what we can do: {remedy}. It does not depend on your review. Does that sound fair?'],
    remedyOnly: ['To make up for this, we would like to {remedy}. Would that work for you?', 'Here is what we can do: {remedy}. Does that sound fair?'],
    requestGoal: 'Ask only once the problem is solved, separately from the remedy, once, without naming a rating; if they decline, do not push.',
    request: [
      'Your remedy is arranged regardless of your review. If you feel the problem is solved, you are welcome to update your review to reflect your experience; there is no need to.',
      'Whether or not you change your review makes no difference to your remedy. If you feel we have made it right, you are welcome to update it when convenient. Thank you for giving us the chance to fix it.',
    ],
    howToGoal: 'Only if the buyer says they want to update the review, send them the steps.',
    howTo: {
      taobao: 'If you decide to update it (it makes no difference to your remedy): in the Taobao app, open My Taobao, then Reviews (Manage reviews), find this review and choose Edit review. Neutral and negative reviews can usually be changed once within 30 days; menu names vary slightly between app versions.',
      tmall: 'If you decide to update it (it makes no difference to your remedy): in the Taobao or Tmall app, open My Reviews, find this review and choose Edit review. Neutral and negative reviews can usually be changed once within 30 days; menu names vary slightly between app versions.',
      jd: 'If you decide to update it (it makes no difference to your remedy): in the JD app, open My, then the Review Centre, find this review and choose to edit it or add a follow-up. Menu names may differ between versions.',
      pdd: 'If you decide to update it (it makes no difference to your remedy): in the Pinduoduo app, open your profile, then My Reviews, find this review and choose to edit it. Menu names may differ between versions.',
      kuaishou: 'If you decide to update it (it makes no difference to your remedy): in the Kuaishou app, open Me, then Orders, find this order and open its review; where editing is not offered you can add a follow-up review instead. Menu names may differ between versions.',
      douyin: 'If you decide to update it (it makes no difference to your remedy): in the Douyin app, open Me, then Orders, find this order and open its review to change it or add a follow-up. Menu names may differ between versions.',
      shopify: 'If you decide to update it (it makes no difference to your remedy): open the link in the review e-mail from our shop and edit your review there, or reply to this message and we will send you the link again.',
      other: 'If you decide to update it (it makes no difference to your remedy): find this review under My Reviews on the platform and choose Edit.',
    },
    recordGoal: 'Record the agreed solution, its cost and the date the buyer promised to update the review; if it has not changed by then, follow up politely once. Do not contact the buyer repeatedly: platforms treat that as harassment.',
    highRisk: {
      prepareGoal: 'This buyer is flagged high-risk (possible professional bad-reviewer). Before contacting, collect evidence: a screenshot of the review, the chat logs, the order timeline (ordered, shipped, delivered, reviewed), the delivery record and any photos the buyer provides. Causes named: {causes}.',
      apologyGoal: 'Stay polite and calm; do not argue or accuse.',
      apology: [
        'Hi {buyer}, this is {shop} customer service. I am getting in touch about your feedback on the {product} to understand what happened.',
        'Hi {buyer}, this is {shop}. We take your feedback seriously and would like to check a few details with you.',
      ],
      evidenceGoal: 'Ask the buyer to share photos or a video of the problem inside the platform chat so it can be checked; do not question or rush them.',
      evidence: [
        'Could you send a photo of the problem in the platform chat, so we can check it and sort it out quickly?',
        'If possible, please upload a photo or short video in the platform chat, and we will handle it as soon as we have checked.',
      ],
      explainGoal: 'State only the facts you found (dispatch and delivery records); do not speculate or comment on the buyer.',
      explain: [
        'We will pull the dispatch and delivery records for this order and handle it under the platform’s rules once checked.',
        'We are reviewing the order records and will update you in the platform chat as soon as we have an answer.',
      ],
      noCompensationGoal: 'Do not promise any compensation, refund or gift until a lead has decided. Do not move to WeChat, QQ or a personal phone: keep every conversation on the platform. If the buyer demands compensation in exchange for the review, save screenshots and ask the platform to step in.',
      recordGoal: 'Record the evidence and every contact, and hand them to a lead to decide the next step.',
    },
  },
};

/**
 * English training reviews written for this project (not taken from any data set), across clothing, shoes,
 * beauty, groceries, electronics, computers, home and kitchen, toys, books and pet supplies.
 * `labels | text`, `-` for no cause. Long reviews mix praise with the complaint, as real ones do.
 */
export const EN_CORPUS = String.raw`
# ---------- quality.defect_broken ----------
quality.defect_broken | The zipper broke the second time I wore this jacket.
quality.defect_broken | Sole started peeling off after two weeks of light use.
quality.defect_broken | Stitching came undone on the shoulder after one wash.
quality.defect_broken | The mug arrived with a hairline crack and leaks from the bottom.
quality.defect_broken | Left earbud stopped working after a month.
quality.defect_broken | The charger quit working after three days.
quality.defect_broken | Laptop won't turn on anymore, it just shows a black screen.
quality.defect_broken | The hinge cracked within the first month and now the lid wobbles.
quality.defect_broken | Trackpad randomly stops responding and I have to restart.
quality.defect_broken | It keeps crashing to a blue screen whenever I open more than two programs.
quality.defect_broken | The hard drive failed after eight months and I lost everything.
quality.defect_broken | Battery won't hold a charge anymore, it dies in twenty minutes.
quality.defect_broken | Two keys on the keyboard stick and the space bar is loose.
quality.defect_broken | Screen has a cluster of dead pixels right in the middle.
quality.defect_broken | The phone randomly reboots several times a day.
quality.defect_broken | Blender motor burned out the first time I made a smoothie.
quality.defect_broken | Toaster only heats on one side, the other element is dead.
quality.defect_broken | The vacuum stopped charging after two weeks.
quality.defect_broken | Handle snapped off the pan while I was cooking.
quality.defect_broken | Chair leg bent the first week, it is not sturdy at all.
quality.defect_broken | The toy car's wheels fell off within an hour of play.
quality.defect_broken | Doll's arm came off on the first day.
quality.defect_broken | The puzzle was missing a corner piece and several pieces were bent.
quality.defect_broken | Ring turned my finger green and the stone fell out.
quality.defect_broken | Watch strap broke at the buckle after a week.
quality.defect_broken | The sweater started pilling after one wear.
quality.defect_broken | Jeans ripped at the seam the first time I sat down.
quality.defect_broken | Socks got holes in the heel after two washes.
quality.defect_broken | The bottle cap is cracked so the lotion leaks everywhere.
quality.defect_broken | Pump on the shampoo bottle doesn't work.
quality.defect_broken | Lipstick snapped in half the first time I used it.
quality.defect_broken | Book pages were falling out of the binding.
quality.defect_broken | The lamp flickers constantly and then goes out.
quality.defect_broken | Printer jams on every other page.
quality.defect_broken | Router drops the connection every hour and needs a reset.
quality.defect_broken | The game controller's left stick drifts badly.
quality.defect_broken | Suitcase wheel broke off on the first trip.
quality.defect_broken | Umbrella flipped inside out and two ribs snapped.
quality.defect_broken | Dead on arrival, would not power on at all.
quality.defect_broken | Defective unit, the fan makes a grinding noise and then stops.
quality.defect_broken | It broke after a week. Cheaply made.
quality.defect_broken | Stopped working after two months.
quality.defect_broken | Broken.
quality.defect_broken | Doesn't work.
quality.defect_broken | The tablet freezes and the touchscreen goes unresponsive.
quality.defect_broken | The power cord frayed near the plug within a few months.
quality.defect_broken | My computer overheats and shuts itself off while watching videos.
quality.defect_broken | The DVD drive won't read discs anymore.
quality.defect_broken | Wifi card died and the laptop can't find any networks.
quality.defect_broken | The kettle leaks from the base when it boils.
quality.defect_broken | The buckle on the dog collar broke on our first walk.
quality.defect_broken | Speaker crackles at any volume, defective.

# ---------- quality.not_as_described ----------
quality.not_as_described | Not as described. The listing said solid wood, it's particle board with a sticker.
quality.not_as_described | Looks nothing like the pictures, the fabric is shiny and cheap.
quality.not_as_described | Advertised as waterproof but my feet got soaked in light rain.
quality.not_as_described | The description said 16GB of RAM but it only has 8.
quality.not_as_described | Much smaller than pictured, it's barely the size of my palm.
quality.not_as_described | Claimed 12 hours of battery, I get maybe four.
quality.not_as_described | The bag of chips was half air.
quality.not_as_described | Jar was only half full.
quality.not_as_described | Not real leather like the listing claims.
quality.not_as_described | The set is supposed to have six pieces, the photo shows six, the description says six, but it's clearly a different, cheaper version.
quality.not_as_described | It doesn't have a backlit keyboard even though the product page shows one.
quality.not_as_described | Lacks an HDMI port, which the specs said it had.
quality.not_as_described | No optical drive, which I didn't realize from the description.
quality.not_as_described | Misleading photos, the color and texture are completely different in person.
quality.not_as_described | The screen is advertised as full HD but it looks grainy and low resolution.
quality.not_as_described | False advertising, it does not do half of what the box says.
quality.not_as_described | Product is not what was advertised.
quality.not_as_described | Tiny portion for the price, way less than the picture suggests.
quality.not_as_described | The formula is different from the one I bought before, not the same product.
quality.not_as_described | I wish it had a numeric keypad, the picture made it look like it did.

# ---------- quality.colour_difference ----------
quality.colour_difference | The color is way off from the photos, it's more brown than red.
quality.colour_difference | Ordered navy and it looks almost purple in daylight.
quality.colour_difference | Shade is much darker than pictured, does not match my skin at all.
quality.colour_difference | The foundation shade is off, way too orange.
quality.colour_difference | Color faded after the first wash.
quality.colour_difference | White shirt turned yellowish after a few washes.
quality.colour_difference | Curtains are a different shade than the listing, much greyer.
quality.colour_difference | The paint color doesn't match the swatch at all.
quality.colour_difference | Colors are off.
quality.colour_difference | The blue dye ran onto my other clothes.
quality.colour_difference | The couch cover is lighter than the picture and looks washed out.

# ---------- quality.size_fit ----------
quality.size_fit | Runs very small, I had to return it for two sizes up.
quality.size_fit | Way too big, the waist is loose and the legs are long.
quality.size_fit | These shoes run narrow and pinch my toes.
quality.size_fit | Sleeves are too short for a size large.
quality.size_fit | Doesn't fit, the size chart is wrong.
quality.size_fit | Too tight across the chest.
quality.size_fit | The case doesn't fit my phone model even though it's listed as compatible.
quality.size_fit | The fitted sheet is too small for a standard mattress.
quality.size_fit | Hat is too small for an adult head.
quality.size_fit | Boots rub my heel and gave me blisters.
quality.size_fit | Not true to size, order a size up.
quality.size_fit | The dress is baggy in the waist and too long.
quality.size_fit | Too small.

# ---------- quality.fake_or_expired ----------
quality.fake_or_expired | This is a fake. The logo is crooked and the serial number doesn't exist.
quality.fake_or_expired | Counterfeit perfume, smells nothing like the real one and fades in minutes.
quality.fake_or_expired | The vitamins expired two months ago.
quality.fake_or_expired | Received stale crackers that were past the best before date.
quality.fake_or_expired | Coffee beans were old and tasteless.
quality.fake_or_expired | The bread was moldy when it arrived.
quality.fake_or_expired | Fruit was rotten, half of it went straight in the bin.
quality.fake_or_expired | Sold as new but it was clearly used, fingerprints all over the screen.
quality.fake_or_expired | It's a refurbished unit sold as brand new.
quality.fake_or_expired | Knockoff, not the genuine brand.
quality.fake_or_expired | The milk tasted sour, definitely gone bad.
quality.fake_or_expired | Expired.
quality.fake_or_expired | Box had been opened and resealed, someone returned this and they sold it to me as new.
quality.fake_or_expired | The cat food bag was past its expiration date.

# ---------- quality.poor_effect ----------
quality.poor_effect | This computer is painfully slow, it takes five minutes to boot.
quality.poor_effect | Battery life is terrible, barely three hours.
quality.poor_effect | Gets extremely hot on my lap even just browsing.
quality.poor_effect | The fan is loud and runs constantly.
quality.poor_effect | Speakers are tinny and quiet.
quality.poor_effect | Screen is dim and has a lot of glare.
quality.poor_effect | The touchpad is jumpy and the cursor moves on its own.
quality.poor_effect | Keyboard is cramped and awkward to type on.
quality.poor_effect | Way too much bloatware slowing everything down.
quality.poor_effect | Wifi signal is weak and keeps disconnecting.
quality.poor_effect | Runs slow even with nothing open.
quality.poor_effect | Heavy and bulky, not portable at all.
quality.poor_effect | The camera takes blurry photos in any light.
quality.poor_effect | This vacuum has weak suction and barely picks up crumbs.
quality.poor_effect | The blender leaves chunks no matter how long it runs.
quality.poor_effect | The moisturizer didn't do anything for my dry skin.
quality.poor_effect | Mascara clumps and smudges by noon.
quality.poor_effect | Foundation looks cakey and patchy.
quality.poor_effect | Shampoo doesn't lather and leaves my hair greasy.
quality.poor_effect | The sunscreen left a white cast and I still burned.
quality.poor_effect | No noticeable results after six weeks.
quality.poor_effect | The shoes are stiff and uncomfortable even after breaking them in.
quality.poor_effect | The jacket isn't warm at all.
quality.poor_effect | The fabric is itchy and scratchy.
quality.poor_effect | Tastes bland and a bit bitter.
quality.poor_effect | Far too sweet, couldn't finish it.
quality.poor_effect | Knife is dull out of the box.
quality.poor_effect | The pan sticks even with oil.
quality.poor_effect | Hard to assemble, instructions make no sense.
quality.poor_effect | The app is confusing and crashes the settings screen.
quality.poor_effect | Slow.
quality.poor_effect | Doesn't work well.
quality.poor_effect | The mattress is too soft and my back hurts.
quality.poor_effect | Pillow went flat after a week.
quality.poor_effect | Headphones have no bass and hurt my ears after an hour.
quality.poor_effect | The printer is slow and the prints are streaky.
quality.poor_effect | Lags when I have more than a few tabs open.
quality.poor_effect | Sound quality is poor and the microphone picks up everything.
quality.poor_effect | The processor is underpowered for anything beyond email.

# ---------- quality.smell ----------
quality.smell | Strong chemical smell out of the box that won't go away.
quality.smell | The rug smells like burnt rubber.
quality.smell | The shoes stink of glue.
quality.smell | Musty smell, like it was stored in a damp basement.
quality.smell | The lotion has an awful sour smell.
quality.smell | Perfume is overpowering and smells cheap.
quality.smell | The yoga mat has a strong plastic odor.
quality.smell | Smells terrible.
quality.smell | The dog bed reeks of chemicals.

# ---------- quality.skin_reaction ----------
quality.skin_reaction | I broke out in a rash after using this cream twice.
quality.skin_reaction | This cleanser caused breakouts all over my chin.
quality.skin_reaction | Burning sensation as soon as I applied it, my face went red.
quality.skin_reaction | The eye cream made my eyes water and sting.
quality.skin_reaction | Had an allergic reaction, hives on my neck.
quality.skin_reaction | The snack gave my whole family an upset stomach.
quality.skin_reaction | My dog got sick after eating these treats.
quality.skin_reaction | The watch band irritated my skin.
quality.skin_reaction | Allergic reaction.

# ---------- quality.packaging ----------
quality.packaging | The product came with no box, just loose in a plastic bag.
quality.packaging | The seal was broken on the jar when I opened it.
quality.packaging | Packaging was cheap and flimsy for a gift set.
quality.packaging | The tube wasn't sealed, I'm not sure it's safe.

# ---------- quality (generic) ----------
quality | Poor quality, feels cheap.
quality | Cheaply made junk.
quality | Terrible product, total waste of money.
quality | Not worth it, quality is bad.
quality | Piece of junk.
quality | It's just mediocre.
quality | Flimsy and poorly made.
quality | The build quality is poor for a laptop at this level.
quality | Very disappointed with the quality.
quality | Awful.
quality | It's a lemon.
quality | Garbage.
quality | Meh. Not great.
quality | Not reliable.
quality | Worst laptop I have ever owned.

# ---------- logistics.slow_delivery ----------
logistics.slow_delivery | Shipping took forever, almost three weeks.
logistics.slow_delivery | It arrived ten days after the estimated delivery date.
logistics.slow_delivery | Slow delivery, I needed it for a birthday and it came late.
logistics.slow_delivery | Took two weeks to ship and another week to arrive.
logistics.slow_delivery | The order sat in processing for days before it shipped.
logistics.slow_delivery | Still waiting for it to ship after a week.
logistics.slow_delivery | Delivery was delayed three times.
logistics.slow_delivery | Shipping was slow.
logistics.slow_delivery | Arrived late.
logistics.slow_delivery | Paid for two day shipping and it took eight days.
logistics.slow_delivery | It was backordered and nobody told me, took a month.
logistics.slow_delivery | Shipping is super slow from this seller.
logistics.slow_delivery | The package took forever to get here.

# ---------- logistics.damaged_parcel ----------
logistics.damaged_parcel | The box was crushed and the glass inside was shattered.
logistics.damaged_parcel | Package arrived soaked and torn open.
logistics.damaged_parcel | Damaged in transit, the corner of the monitor is cracked and the box had a hole in it.
logistics.damaged_parcel | The courier obviously threw it, the box was dented on every side.
logistics.damaged_parcel | Poorly packed, one thin bag around a ceramic vase, it arrived in pieces.
logistics.damaged_parcel | Box was crushed.
logistics.damaged_parcel | The package was opened and taped back up.
logistics.damaged_parcel | Shipping damage, the lamp shade was bent flat.

# ---------- logistics.lost_or_missing ----------
logistics.lost_or_missing | Tracking says delivered but I never received it.
logistics.lost_or_missing | Package never arrived.
logistics.lost_or_missing | Lost in the mail, and no one will help me find it.
logistics.lost_or_missing | Only received one of the two items I ordered.
logistics.lost_or_missing | Missing parts, the screws for the legs weren't in the box.
logistics.lost_or_missing | It was delivered to the wrong address two streets away.
logistics.lost_or_missing | Never got it.
logistics.lost_or_missing | Someone stole it from my porch because the driver left it outside.
logistics.lost_or_missing | The charger was missing from the box.
logistics.lost_or_missing | Returned to sender for no reason, I was home all day.

# ---------- logistics.wrong_item ----------
logistics.wrong_item | They sent the wrong item, I ordered a blue kettle and got a toaster.
logistics.wrong_item | Received the wrong size, ordered a medium and got an XL.
logistics.wrong_item | Wrong model, this is last year's version.
logistics.wrong_item | Got someone else's order entirely.
logistics.wrong_item | Sent me the wrong color.
logistics.wrong_item | Not what I ordered.
logistics.wrong_item | The flavor is wrong, I ordered vanilla and got chocolate.

# ---------- logistics.tracking ----------
logistics.tracking | Tracking hasn't updated in a week.
logistics.tracking | The tracking number doesn't work.
logistics.tracking | Stuck in transit for ten days with no updates.
logistics.tracking | No tracking information at all after it supposedly shipped.
logistics.tracking | Tracking shows it at the depot for days.

# ---------- logistics.courier_attitude ----------
logistics.courier_attitude | The delivery driver was rude and threw the box over the fence.
logistics.courier_attitude | Courier didn't even knock, left a note and I had to drive to the depot.
logistics.courier_attitude | Driver left it in the rain on the porch without ringing the bell.
logistics.courier_attitude | The delivery guy refused to bring it upstairs and was rude about it.
logistics.courier_attitude | The mailman just dumps packages at the front door.

# ---------- logistics.shipping_fee ----------
logistics.shipping_fee | Shipping cost more than the item itself.
logistics.shipping_fee | Outrageous shipping charges.
logistics.shipping_fee | Expensive shipping, and it still came late.
logistics.shipping_fee | Had to pay customs fees nobody mentioned.

# ---------- logistics (generic) ----------
logistics | Terrible delivery experience.
logistics | The shipping was a disaster.
logistics | Awful courier.

# ---------- service.attitude ----------
service.attitude | Customer service was rude and acted like I was lying.
service.attitude | The rep hung up on me when I asked for a manager.
service.attitude | The staff were condescending and unhelpful.
service.attitude | Seller blamed me for the defect and refused to apologize.
service.attitude | Terrible customer service.
service.attitude | The salesman was pushy and lied about the features.
service.attitude | Rude support agent.
service.attitude | They treated me like an idiot on the phone.

# ---------- service.slow_response ----------
service.slow_response | I emailed the seller three times and never got a reply.
service.slow_response | Customer service never responded to my messages.
service.slow_response | On hold for two hours before anyone picked up.
service.slow_response | Took a week to answer a simple question.
service.slow_response | No response from support.
service.slow_response | The only reply was an automated message.
service.slow_response | Impossible to reach anyone, the phone number just rings.
service.slow_response | Support is unresponsive.

# ---------- service.return_refund_hassle ----------
service.return_refund_hassle | Returning it was a nightmare, they wanted me to pay for return shipping.
service.return_refund_hassle | They refused a refund because the box was opened.
service.return_refund_hassle | Still waiting for my refund after a month.
service.return_refund_hassle | Charged a restocking fee on a defective item.
service.return_refund_hassle | Only offered store credit, not my money back.
service.return_refund_hassle | The return process is a hassle with too many steps.
service.return_refund_hassle | They wouldn't exchange it for a different size.
service.return_refund_hassle | Refund denied.

# ---------- service.unresolved ----------
service.unresolved | Support couldn't help and kept passing me around.
service.unresolved | They said they would fix the problem and nothing happened.
service.unresolved | Contacted the seller about the issue and got nowhere, no solution.
service.unresolved | The company refused to do anything about it.
service.unresolved | I complained twice and nobody did anything.
service.unresolved | Nothing was done.

# ---------- service.warranty_repair ----------
service.warranty_repair | Sent it in for repair under warranty and it came back with the same problem.
service.warranty_repair | The manufacturer refused to honor the warranty and said it was physical damage.
service.warranty_repair | Out of warranty by two days and they wouldn't help at all.
service.warranty_repair | Repair took six weeks and they lost my charger.
service.warranty_repair | Tech support had me reinstall everything three times before admitting it was hardware.
service.warranty_repair | It has been sent back for repair three times this year.
service.warranty_repair | They charged me for a repair that should have been covered.
service.warranty_repair | The extended warranty was useless, every claim got denied.
service.warranty_repair | Tech support was clueless and kept reading from a script.
service.warranty_repair | The repair center sent it back unrepaired.

# ---------- service (generic) ----------
service | Worst customer service ever.
service | The seller was awful to deal with.
service | Bad service.

# ---------- price ----------
price.price_drop | The price dropped by forty dollars a week after I bought it.
price.price_drop | Found it much cheaper at another store.
price.price_drop | Went on sale the day after I ordered and they won't adjust the price.
price.price_drop | Could have gotten it for less elsewhere.
price.promotion | The coupon wasn't applied at checkout.
price.promotion | The free gift was missing from my order.
price.promotion | Promo code didn't work and support said too bad.
price.promotion | Never got the mail in rebate.
price.overpriced | Way overpriced for what you get.
price.overpriced | Too expensive for the quality.
price.overpriced | A bit pricey, but it does the job.
price.overpriced | Overpriced.
price.overpriced | Not worth the money.
price.overpriced | It costs twice as much as similar models.
price.overpriced | Expensive for a budget laptop.
price.overpriced | Great laptop, just more expensive than I'd like.

# ---------- multi-label ----------
quality.defect_broken logistics.slow_delivery | Took three weeks to arrive and it didn't even work.
quality.defect_broken service.slow_response | It broke after a week and the seller never answered my emails.
quality.defect_broken service.return_refund_hassle | Arrived with a cracked screen and they refused to refund me.
quality.poor_effect price.overpriced | Slow and overpriced.
quality.size_fit logistics.slow_delivery | Runs small and shipping was slow.
logistics.wrong_item service.unresolved | Wrong item sent and support did nothing about it.
quality.defect_broken service.warranty_repair | The screen died after ten months and the warranty repair took forever.
quality.poor_effect service.attitude | The battery is awful and customer service was rude when I called.
logistics.damaged_parcel service.return_refund_hassle | Box came crushed and the return process was a hassle.
quality.fake_or_expired price.overpriced | Fake product sold at full price.
quality.smell quality.skin_reaction | Smells like chemicals and gave me a rash.
quality.defect_broken quality.poor_effect | Slow, overheats, and the hinge broke.
quality.poor_effect logistics.shipping_fee | Expensive shipping for a product that barely works.
logistics.lost_or_missing service.slow_response | Package never arrived and the seller never replied.
quality.defect_broken service.warranty_repair price.overpriced | Paid a premium for this laptop, the motherboard died within a year, and the warranty repair took two months.

# ---------- long mixed reviews ----------
quality.poor_effect | I really wanted to like this laptop. The screen is bright and the keyboard feels nice, but it's so slow that I can barely run a browser and a spreadsheet at the same time. Boot takes ages too.
quality.defect_broken service.warranty_repair | Loved it for the first six months. Then the power jack got loose and it would only charge at a certain angle. I sent it in under warranty, waited three weeks, and it came back with the same problem.
quality.defect_broken | Nice looking machine with a great display. Sadly the wifi card kept dropping out and after two months the touchpad stopped clicking altogether.
quality.poor_effect | Overall a decent computer for the price. The only downside is battery life, which is closer to three hours than the eight advertised.
quality.not_as_described | Great for school work and light browsing. My one complaint is that it has no disc drive, which I didn't realize when I bought it.
quality.poor_effect | Performance is fine for everyday tasks and it's light enough to carry around campus. The speakers though are weak and tinny, I always need headphones.
quality.defect_broken service.unresolved | Within a month the screen started flickering. I called the company, they told me to update drivers, I did, still flickering. Then they said it was my fault and stopped answering.
service.warranty_repair | The laptop itself has been fine, but getting the warranty repair done was a nightmare. Three phone calls, two shipping boxes and five weeks without a computer.
quality.defect_broken service.slow_response | The tablet froze constantly from day one. I contacted support and never heard back. Returned it.
quality.poor_effect | Fast processor and a beautiful screen, but it runs hot and the fan is always spinning, loudly.
- | I've had this laptop for a year now and it has been great. Fast boot, long battery life, no problems at all. Would buy again.
- | Bought this for my daughter's college classes. It's light, fast and the battery lasts all day. She loves it.
- | Solid machine. Not the fastest, but it does everything I need and has never crashed.
quality.poor_effect | This is my third laptop from this brand and the first one I'm disappointed with. The keyboard flexes, the trackpad is imprecise, and it stutters when I play videos.
quality.defect_broken | The charger cable frayed after a few months and now the computer only charges if I hold the cable. For an expensive machine that is not acceptable.
quality.poor_effect price.overpriced | For this kind of money I expected much better. The screen is washed out and the battery barely lasts the afternoon.
quality.defect_broken | It worked perfectly for eleven months, then the hard drive failed and took all my photos with it.
quality.poor_effect | The computer works but it came loaded with trial software that slowed it down to a crawl. Took me a whole evening to clean it up.
quality.poor_effect | Easy to set up and the display is nice. Unfortunately the keys are small and I keep hitting the wrong ones.
quality.defect_broken service.return_refund_hassle | My phone started restarting itself after a week. The store said I had to send it to the manufacturer, and the manufacturer said I had to go back to the store.
logistics.slow_delivery | The computer is great, no complaints about it. Delivery however took almost a month with no explanation.
logistics.damaged_parcel | Product works fine, but the box arrived completely crushed and I was lucky nothing inside broke.
quality.defect_broken | Beautiful shoes and very comfortable for the first month. Then the heel started coming loose and the stitching on the side split.
quality.poor_effect | The dress is gorgeous in photos but the fabric is thin and see-through and it wrinkles the moment you sit down.
quality.skin_reaction | I have sensitive skin and was hoping this would be gentle. Within two days my cheeks were red and itchy.
quality.poor_effect | The coffee maker looks great on the counter, but the coffee comes out lukewarm and it takes forever to brew a single cup.
quality.defect_broken | My son loved this toy for exactly one afternoon. By evening the battery door had broken and the wheels had come off.
quality.fake_or_expired | The packaging looked right but the cream had a strange texture and no smell, and the batch code isn't on the brand's site. I'm fairly sure it's counterfeit.
service.attitude | The product is okay. What bothered me is the seller, who argued with me about a scratched corner and called me a liar.
quality.poor_effect | I bought this vacuum for pet hair and it just pushes it around. The battery also only lasts about ten minutes.
service.return_refund_hassle | The sweater didn't fit and returning it cost me more than half of what I paid because of return shipping and a restocking fee.
price.price_drop | Happy with the TV itself, but it went on sale for a hundred dollars less the week after and the store wouldn't match the price.
logistics.lost_or_missing service.unresolved | The tracking says it was delivered to my mailbox. It wasn't. The seller says it's the carrier's problem and the carrier says to contact the seller.
quality.defect_broken | I've owned several laptops and this one has been the least reliable. Blue screens every week, the battery swelled after a year and a half, and one of the USB ports stopped working.
quality.poor_effect | Nice build and a good keyboard, but the screen resolution is low and text looks fuzzy.
quality.not_as_described | I bought this thinking it had a touchscreen like the photo shows. It doesn't. Otherwise it's a fine laptop.
service.warranty_repair | My main issue is with support. The laptop had a faulty screen, which happens, but it took four calls and two weeks before they even agreed to repair it.
quality.defect_broken service.warranty_repair | The keyboard died in the second year. Out of warranty, so they wanted half the price of a new laptop to fix it.
service.unresolved | The machine itself is fine. Getting a straight answer from customer support about a billing error was impossible, I was transferred five times and nobody could help.
quality.poor_effect | Good value for basic use. Don't expect to game on it, it struggles with anything 3D and the fans get very loud.

# ---------- praise and negated complaints (no cause) ----------
- | Great quality, fits perfectly.
- | Fast shipping and well packaged.
- | Customer service was very helpful and quick to respond.
- | Exactly as described, very happy.
- | Works great, no complaints.
- | Love it! Highly recommend.
- | Arrived early and in perfect condition.
- | The color is exactly like the picture.
- | True to size and super comfortable.
- | Tastes delicious and arrived fresh.
- | My kids love this toy, it's sturdy too.
- | Battery life is excellent and the screen is crisp.
- | This laptop is fast and quiet.
- | Shipping was not slow at all, it came in two days.
- | No problems with the delivery and nothing was damaged.
- | No issues so far after three months of daily use.
- | Not expensive and works well.
- | The seller was not rude at all, actually very kind.
- | Never had a problem with it.
- | Nothing wrong with it, I just changed my mind.
- | Not a single scratch on it.
- | Smells great.
- | Good value for the money.
- | Five stars.
- | Perfect.
- | Does the job.
- | I was worried it would be too small but it fits fine.
- | I was afraid it would arrive broken but it was packed really well.
- | Wasn't sure about the color, but it looks great in person.
- | It doesn't overheat even under heavy load.
- | Support resolved my question within an hour.
- | The refund was processed the same day, no hassle.
- | Haven't used it yet, will update.
- | Bought it as a gift, hope she likes it.
- | I ordered the wrong size myself, my mistake.
- | One star.
- | Disappointed.
- | Meh.
- | Just ok.
- | Not happy.

# ---------- contrast: only the complaint counts ----------
logistics.slow_delivery | The quality is great but shipping was really slow.
quality.defect_broken | Customer service was lovely, but the item arrived broken.
logistics.slow_delivery | Nice product, just wish delivery had been faster.
quality.colour_difference | Fast shipping, but the color is different from the photo.
quality.size_fit | Beautiful fabric, but it runs small.
service.slow_response | Product is fine but the seller takes days to reply.
price.overpriced | Works well, although it's pricey.
logistics.damaged_parcel | The item itself is fine, but the box was crushed.
quality.smell | Looks nice, but there's a strong smell.
quality.poor_effect | Looks great, however it's not very comfortable.
service.attitude | Good product, rude seller.
quality.defect_broken | Arrived quickly, but one of the glasses was cracked.
logistics.wrong_item | Great price, but they sent the wrong color.
service.return_refund_hassle | The jacket is nice, but returning the first one was a hassle.
quality.poor_effect | The screen is gorgeous; unfortunately battery life is short.
quality.defect_broken | Shipping was fast and packaging was good, but it stopped working after a week.
logistics.lost_or_missing | Seller was responsive, but one item never arrived.
price.price_drop | Love the blender, but the price dropped right after I bought it.
quality.poor_effect | Although shipping was quick, the product is flimsy and doesn't work well.
service.warranty_repair | The laptop is good, except that the warranty service was terrible when the fan failed.

# ---------- mixed language, emoji, typos ----------
logistics.slow_delivery | 质量不错 but shipping was slow
quality.defect_broken | Broken on arrival 😡😡
- | Love it 😍👍
quality.poor_effect | soooo slow 🙄
quality.defect_broken | recieved it brokn, screen crackd
logistics.lost_or_missing | never recieved my package
service.slow_response | costumer service never answered
quality.defect_broken | dont buy it broke after 2 days
logistics.slow_delivery | delivary took 3 weeks
quality | cheap junk 👎
service.warranty_repair | warrenty is a joke, they wont fix it
# ---------- more quality, short and medium ----------
quality.poor_effect | My only complaint is the battery, it barely lasts four hours.
quality.poor_effect | Nice phone, but the camera is disappointing in low light.
quality.poor_effect | The only issue is the speakers, they are quiet and tinny.
quality.poor_effect | Great value, but the screen could be brighter.
quality.poor_effect | Works fine but the fan gets loud when I'm on video calls.
quality.poor_effect | The trackpad is a little too sensitive.
quality.poor_effect | It's a bit heavy for carrying around all day.
quality.poor_effect | Keyboard layout is odd and the arrow keys are tiny.
quality.poor_effect | The webcam quality is grainy.
quality.poor_effect | Startup takes forever compared to my old one.
quality.poor_effect | The display has poor viewing angles.
quality.poor_effect | Boots slowly and programs take ages to open.
quality.poor_effect | Games stutter even on low settings.
quality.poor_effect | The battery drains overnight even when it's asleep.
quality.poor_effect | The laptop runs warm and the palm rest gets uncomfortable.
quality.poor_effect | The speakers distort at high volume.
quality.poor_effect | The headphones are uncomfortable after twenty minutes.
quality.poor_effect | The earbuds keep falling out of my ears.
quality.poor_effect | The charger is too short to reach the outlet from my desk.
quality.poor_effect | The fitness tracker counts steps when I'm sitting in the car.
quality.poor_effect | The lotion is too thick and takes forever to absorb.
quality.poor_effect | The lipstick is drying and settles into lines.
quality.poor_effect | Concealer creases within an hour.
quality.poor_effect | The serum made no difference at all.
quality.poor_effect | This face wash leaves my skin tight and dry.
quality.poor_effect | Hair spray doesn't hold.
quality.poor_effect | The nail polish chipped the next day.
quality.poor_effect | The tea is weak and flavorless.
quality.poor_effect | The chips were soggy.
quality.poor_effect | The steak was tough and chewy.
quality.poor_effect | These cookies are too dry.
quality.poor_effect | The towels are thin and not absorbent.
quality.poor_effect | The sheets wrinkle badly and feel rough.
quality.poor_effect | The pillow is too firm for side sleepers.
quality.poor_effect | The office chair has no lumbar support and my back hurts.
quality.poor_effect | The desk wobbles when I type.
quality.poor_effect | The vacuum is very loud and the dust bin is tiny.
quality.poor_effect | The air fryer cooks unevenly.
quality.poor_effect | The kettle takes forever to boil.
quality.poor_effect | The fridge is noisy and the freezer frosts up.
quality.poor_effect | The heater barely warms a small room.
quality.poor_effect | The fan is weak even on the highest setting.
quality.poor_effect | The jacket is not waterproof at all.
quality.poor_effect | The sneakers have no arch support.
quality.poor_effect | The shirt wrinkles just from sitting.
quality.poor_effect | The backpack straps dig into my shoulders.
quality.poor_effect | The stroller is heavy and hard to fold.
quality.poor_effect | The toy is too loud and the volume can't be changed.
quality.poor_effect | The puzzle pieces don't fit together well.
quality.poor_effect | The dog toy lasted ten minutes.
quality.poor_effect | My cat won't touch this food.
quality.poor_effect | The book's print is tiny and hard to read.
quality.poor_effect | The pen skips and smears.
quality.defect_broken | After a few weeks, the hinge started squeaking and now it's loose.
quality.defect_broken | A few keys stopped working after six months.
quality.defect_broken | The screen started flickering after a software update and never stopped.
quality.defect_broken | One of the USB ports is dead.
quality.defect_broken | The headphone jack crackles and cuts out.
quality.defect_broken | The battery swelled and pushed up the trackpad.
quality.defect_broken | It randomly shuts off even when fully charged.
quality.defect_broken | The phone screen cracked from a short drop onto carpet.
quality.defect_broken | The watch stopped keeping time after a week.
quality.defect_broken | The blender jar cracked on the second use.
quality.defect_broken | The coffee maker leaks all over the counter.
quality.defect_broken | The microwave turntable stopped spinning.
quality.defect_broken | The lamp switch broke within days.
quality.defect_broken | The drawer runner snapped and the drawer won't close.
quality.defect_broken | The mattress developed a sag in the middle within months.
quality.defect_broken | The zipper pull came off on the first day.
quality.defect_broken | The shoe sole split across the middle.
quality.defect_broken | The leggings got a hole after one wash.
quality.defect_broken | The necklace chain broke the first time I wore it.
quality.defect_broken | The sunglasses arm snapped off.
quality.defect_broken | The toy's battery compartment cracked.
quality.defect_broken | The remote control car stopped responding after an hour.
quality.defect_broken | The pet water fountain pump died after two weeks.
quality.defect_broken | The compact mirror came cracked.
quality.defect_broken | Pages were printed upside down.
quality.not_as_described | The listing says stainless steel but it's rusting already.
quality.not_as_described | It's advertised as a 4K monitor but it only outputs 1080p.
quality.not_as_described | The package says 30 servings but there are about 20.
quality.not_as_described | Much thinner fabric than the photos suggest.
quality.not_as_described | This is not the version shown in the pictures.
quality.not_as_described | The laptop doesn't have a backlit keyboard, which I assumed it did.
quality.not_as_described | It lacks a headphone jack and that wasn't mentioned.
quality.not_as_described | The description promised fast charging but it charges slowly.
quality.colour_difference | The grey looks greenish in person.
quality.colour_difference | The lipstick is much more orange than the swatch.
quality.colour_difference | The rug colors are muted compared to the listing.
quality.size_fit | The shoes run half a size small.
quality.size_fit | The shirt is too tight in the shoulders.
quality.size_fit | The pants are too long even in the short length.
quality.size_fit | The bracelet is too small for an adult wrist.
quality.size_fit | The cover doesn't fit my tablet properly.
quality.smell | The candle barely smells of anything but smoke.
quality.smell | Strong vinegar smell from the fabric.
quality.smell | The protein powder smells awful.
quality.skin_reaction | This deodorant gave me a rash under my arms.
quality.skin_reaction | The sunscreen stings my eyes badly.
quality.skin_reaction | My baby got a rash from these diapers.
quality.fake_or_expired | The snacks arrived stale and past their date.
quality.fake_or_expired | The earbuds are obviously fake, the pairing name is wrong.
quality.fake_or_expired | The cheese was moldy on arrival.
quality | Honestly it's just not very good.
quality | Feels like a cheap knockoff quality-wise.
quality | Not impressed with the quality at all.
quality | It's ok but not great.
quality | Poorly made, would not buy again.
quality | Very poor.
quality | Junk.

# ---------- more logistics ----------
logistics.slow_delivery | It said two day delivery and took almost two weeks.
logistics.slow_delivery | Shipping took way longer than promised.
logistics.slow_delivery | My order sat in a warehouse for a week before shipping.
logistics.slow_delivery | The delivery date kept getting pushed back.
logistics.slow_delivery | Came a week late, I had to buy a replacement locally.
logistics.slow_delivery | Slow to ship, but the product is fine.
logistics.damaged_parcel | The box looked like it had been run over.
logistics.damaged_parcel | UPS crushed the package and the corner of the TV is cracked.
logistics.damaged_parcel | The mailer was torn open and some items fell out.
logistics.damaged_parcel | Package was left in the rain and the box was soaked through.
logistics.lost_or_missing | The order says delivered, but nothing was at my door.
logistics.lost_or_missing | Only part of my order arrived.
logistics.lost_or_missing | The package was delivered to my neighbor's house and never found.
logistics.lost_or_missing | It was lost somewhere between two distribution centers.
logistics.wrong_item | They shipped the wrong size twice.
logistics.wrong_item | I received a completely different product.
logistics.tracking | Tracking said out for delivery for three days.
logistics.tracking | The tracking info never updated after the label was created.
logistics.courier_attitude | The driver claimed nobody was home, but I was home all day.
logistics.courier_attitude | The courier was rude and tossed the package at my feet.
logistics.shipping_fee | The shipping fee was ridiculous for such a small item.
logistics.shipping_fee | I was charged for express shipping and it came standard.

# ---------- more service ----------
service.attitude | The support agent was dismissive and kept interrupting me.
service.attitude | The store manager was rude and refused to listen.
service.attitude | When I complained, the seller accused me of breaking it.
service.slow_response | I've opened three tickets and none has been answered.
service.slow_response | I waited on hold for an hour and the call dropped.
service.slow_response | The seller takes a week to answer any message.
service.return_refund_hassle | They made me pay return shipping on a defective product.
service.return_refund_hassle | The refund took over a month to show up.
service.return_refund_hassle | They wouldn't take it back because I opened the box.
service.return_refund_hassle | The return label they sent didn't work and nobody helped.
service.unresolved | Support kept asking me to restart it and never actually fixed anything.
service.unresolved | I was promised a replacement that never came.
service.unresolved | Every agent told me something different and nothing got solved.
service.warranty_repair | The warranty claim took two months and they sent back the same broken unit.
service.warranty_repair | They said the damage wasn't covered and wanted me to pay for the repair.
service.warranty_repair | The repair shop kept my laptop for five weeks.
service.warranty_repair | Each time it came back from repair, something else was broken.
service.warranty_repair | I had to ship it to the manufacturer at my own cost for a warranty repair.
service.warranty_repair | They refused the warranty claim because of a tiny scratch.

# ---------- more price ----------
price.overpriced | A little pricey, but it does what it says.
price.overpriced | It's expensive, though I suppose you get what you pay for.
price.overpriced | Good quality, but overpriced compared to the competition.
price.overpriced | I love it but it cost a lot more than other brands.
price.overpriced | Works well, just a bit expensive.
price.overpriced | Pricier than I expected, but the quality is there.
price.overpriced | Pretty expensive for what it is.
price.overpriced | Spent a lot of money on this and it's only average.
price.overpriced | For this much money I expected a better screen.
price.overpriced | Costs more than it should.
price.price_drop | I paid full price and it was twenty percent off a week later.
price.price_drop | The seller raised the price right before the sale and then discounted it.
price.promotion | The advertised bundle discount wasn't applied.
price.promotion | I was promised a free case with the phone but never got it.

# ---------- more long mixed reviews ----------
quality.poor_effect | I bought this laptop for college. It's light, the keyboard is comfortable and the screen is sharp. The battery is the weak point, I can't get through a day of classes without the charger.
quality.defect_broken | For the first few months everything was great. Then the right hinge cracked and the screen started to wobble whenever I opened it. I take good care of my things, so this is clearly a design flaw.
quality.defect_broken service.warranty_repair | The motherboard failed in month ten. I sent it in under warranty and it came back three weeks later with a new board, but now the wifi drops constantly. Sent it in again, another three weeks.
service.warranty_repair | The computer itself has been okay. My problem is with the warranty service. They wanted me to ship it at my own expense, then lost it for a week, then told me the repair wasn't covered.
quality.defect_broken service.unresolved | The screen developed a line of dead pixels after two months. Support told me to update the drivers, then to reset the system, then stopped responding. I'm stuck with it.
quality.poor_effect | It does everything I need for work, emails and spreadsheets are fine. But anything more demanding, like video calls with screen sharing, makes it crawl and the fan screams.
quality.poor_effect price.overpriced | I expected more for the price. The build is nice, but the performance is average and the battery is disappointing.
quality.not_as_described | The product page says it has two USB-C ports. Mine has one. Otherwise fine.
quality.defect_broken | Out of the box it would not connect to wifi. After some updates it worked for a week and then the wireless card gave up completely.
logistics.slow_delivery quality.poor_effect | Shipping took almost three weeks, and when it finally came the battery life was nowhere near what was advertised.
logistics.damaged_parcel service.return_refund_hassle | The box was crushed in shipping and the screen was cracked. The seller insisted I file a claim with the carrier myself before they would send a replacement.
quality.defect_broken | My daughter used this tablet for school. Within four months the charging port became loose and now it only charges if the cable is held at an angle.
quality.poor_effect | Beautiful design and a great screen, but the keyboard is shallow and I make a lot of typos. The speakers are also weak.
service.unresolved | I have no complaints about the machine. But when I needed help activating the software, I was passed between four departments and nobody could answer a simple question.
service.slow_response | The product is fine. What I did not like was emailing the seller about a missing invoice three times without a reply.
quality.defect_broken | Great phone for about a year. Then the battery started dropping from 40 percent to zero without warning, and the phone shuts off in the cold.
quality.poor_effect | The coffee maker works, but the coffee isn't hot enough and the carafe drips every time you pour.
quality.defect_broken | I loved these boots for the first winter. By the second, the soles had separated and water was coming in.
quality.size_fit | The dress is beautiful and well made, but the sizing is way off. I normally wear a medium and the large was still tight.
quality.poor_effect | Nice moisturizer in theory. In practice it sits on top of my skin and pills under makeup.
quality.smell | The rug looks great in my living room, but it had a strong chemical smell for two weeks.
logistics.lost_or_missing service.slow_response | My package was marked delivered but it wasn't there. I contacted the seller twice and got no answer.
price.overpriced | Really good headphones with excellent noise cancelling. They are expensive though, and the case feels cheap for the price.
price.price_drop | Happy with the vacuum, but the price dropped fifty dollars two days after I bought it, which is annoying.
quality.poor_effect | It's a decent budget laptop. The screen is dim, the speakers are tinny and it's not fast, but it gets the basics done.
quality.defect_broken service.return_refund_hassle | The blender stopped working after a month. The company said it had to be returned to the store, and the store said it was past their return window.
quality.defect_broken | The machine shut down randomly several times a day from the first week. I reinstalled the system, updated everything and it still happens.
quality.poor_effect | The kids like this toy, but it eats batteries and the sound is too loud.
- | I have used this laptop daily for two years and it's still fast. The battery has held up and the keyboard is great. Very happy with it.
- | Bought this for my mom, she finds it easy to use and the screen is big enough for her. No problems so far.
- | This is my second one from this company. The first lasted five years. Fast shipping, great support when I had a question.
- | I was worried about the reviews mentioning overheating, but mine stays cool even when gaming.
- | Not a single issue in eight months. Boots quickly, runs quietly, great battery.
- | The shoes fit perfectly and were comfortable from day one. Arrived two days early.
- | Excellent blender. Crushes ice easily and cleans up fast.
- | The seller answered my question within an hour and shipped the same day.
- | I had a small problem with the charger and customer service sent a new one right away.
- | It isn't the cheapest option, but it was worth every penny.
- | Arrived well packaged with no damage. Setup took ten minutes.
- | Perfect size, soft fabric and the color is exactly as shown.
- | Great little speaker, surprisingly loud and clear for its size.
- | I returned it because I changed my mind and the refund was quick and easy.
- | The warranty repair was fast and free, very impressed with the service.

# ---------- more contrast ----------
quality.poor_effect | Fast delivery and nice packaging, but the cream didn't do anything for my skin.
logistics.slow_delivery | Everything about the laptop is great except the shipping, which took over two weeks.
service.attitude | Great product, but the seller was rude when I asked a question.
price.overpriced | Excellent quality, but it's pricey.
quality.defect_broken | Customer service was helpful, but that doesn't change the fact that it broke in a week.
logistics.damaged_parcel | Love the vase, though it came with a chip because the box was crushed.
quality.size_fit | The material is lovely but the sizing runs small.
quality.poor_effect | It looks amazing, too bad the battery is so weak.
# ---------- returns, exchanges and refunds mentioned without a service complaint ----------
quality.defect_broken | The speaker crackled from day one, so I returned it for a refund.
quality.defect_broken | Exchanged it once for the same fault, then gave up and got my money back.
quality.poor_effect | Returned it, the battery simply didn't last.
quality.defect_broken | Took it back to the store because the screen had a dead line; they swapped it without questions.
quality.size_fit | Too small, sent it back for a bigger size.
quality.poor_effect | I got a refund, it just wasn't comfortable.
quality.defect_broken | The replacement had the same problem as the first one.
quality.defect_broken | Had to return two of these because the hinge broke on both.
quality.smell | Returned it because the chemical smell never went away.
quality | Poor quality, I'm returning it.
quality.defect_broken | The keyboard stopped working, so it's going back to the store tomorrow.
quality.poor_effect | It was too slow for my needs, so I exchanged it for a faster model.
- | The store exchanged it for a different color right away.
- | I returned it because I found one I liked better, the refund was fast.
- | Customer service walked me through the setup in five minutes.
`;

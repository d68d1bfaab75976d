import { randomUUID } from 'node:crypto';

/**
 * Invented reviews for the benchmark: Chinese (mostly simplified, some traditional) and English texts
 * assembled from phrase fragments about quality, logistics, service and price, with every star rating,
 * products, carriers, agents and a consistent order timeline. Deterministic for a given seed.
 */
export interface GeneratedReview {
  platform: 'taobao' | 'tmall' | 'jd' | 'pdd' | 'other';
  externalId: string;
  productId: string;
  sku: string;
  productName: string;
  orderId: string;
  buyerId: string;
  buyerNick: string;
  rating: number;
  content: string;
  images?: string[];
  imageCount?: number;
  hasVideo?: boolean;
  orderAmount: number;
  currency?: string;
  orderedAt: string;
  shippedAt: string;
  deliveredAt: string;
  reviewedAt: string;
  carrier: string;
  serviceAgent: string;
  followUpContent?: string;
  followUpAt?: string;
}

type Lang = 'zh' | 'zhHant' | 'en';
type Tone = 'praise' | 'mild' | 'complaint';
type Topic = 'quality' | 'logistics' | 'service' | 'price';

/** mulberry32: small, fast and good enough to vary benchmark data */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Category = 'apparel' | 'electronics' | 'home' | 'consumable';

interface Product {
  category: Category;
  zh: string;
  en: string;
  price: number;
  colors: string[];
  sizes: string[];
}

const PRODUCTS: Product[] = [
  { category: 'apparel', zh: '纯棉圆领短袖T恤', en: 'Cotton crew-neck T-shirt', price: 59.9, colors: ['white', 'black', 'navy'], sizes: ['S', 'M', 'L', 'XL'] },
  { category: 'apparel', zh: '加绒连帽卫衣', en: 'Fleece-lined hoodie', price: 139, colors: ['grey', 'khaki', 'black'], sizes: ['M', 'L', 'XL', 'XXL'] },
  {
    category: 'apparel',
    zh: '高腰直筒牛仔裤',
    en: 'High-waist straight jeans',
    price: 129,
    colors: ['lightblue', 'darkblue'],
    sizes: ['26', '27', '28', '29', '30'],
  },
  { category: 'apparel', zh: '轻薄羽绒服', en: 'Lightweight down jacket', price: 399, colors: ['black', 'beige', 'red'], sizes: ['S', 'M', 'L', 'XL'] },
  { category: 'electronics', zh: '无线蓝牙降噪耳机', en: 'Wireless noise-cancelling earbuds', price: 229, colors: ['white', 'black'], sizes: ['std'] },
  { category: 'electronics', zh: '20000毫安充电宝', en: '20000mAh power bank', price: 99, colors: ['white', 'black'], sizes: ['std'] },
  { category: 'home', zh: '316不锈钢保温杯', en: 'Stainless steel vacuum flask', price: 79, colors: ['silver', 'pink', 'green'], sizes: ['350ml', '500ml'] },
  { category: 'home', zh: '麦饭石不粘炒锅', en: 'Non-stick wok', price: 169, colors: ['grey'], sizes: ['30cm', '32cm'] },
  { category: 'electronics', zh: '家用空气炸锅', en: 'Air fryer', price: 299, colors: ['white', 'black'], sizes: ['4.5L', '6L'] },
  { category: 'electronics', zh: '声波电动牙刷', en: 'Sonic electric toothbrush', price: 189, colors: ['white', 'blue'], sizes: ['std'] },
  { category: 'apparel', zh: '儿童透气运动鞋', en: "Kids' breathable sneakers", price: 149, colors: ['blue', 'pink'], sizes: ['28', '30', '32', '34'] },
  { category: 'home', zh: '全棉床上四件套', en: 'Cotton bedding set (4 pcs)', price: 259, colors: ['grey', 'blue', 'white'], sizes: ['1.5m', '1.8m'] },
  { category: 'consumable', zh: '氨基酸洗面奶', en: 'Amino acid facial cleanser', price: 69, colors: ['std'], sizes: ['100g', '150g'] },
  { category: 'consumable', zh: '护手霜礼盒套装', en: 'Hand cream gift set', price: 89, colors: ['std'], sizes: ['5x30g'] },
  { category: 'electronics', zh: '红轴机械键盘', en: 'Mechanical keyboard (red switches)', price: 349, colors: ['white', 'black'], sizes: ['87', '104'] },
  { category: 'electronics', zh: '磁吸手机壳', en: 'Magnetic phone case', price: 39, colors: ['clear', 'black', 'purple'], sizes: ['15', '15 Pro', '16'] },
  { category: 'home', zh: '天然乳胶枕', en: 'Natural latex pillow', price: 199, colors: ['white'], sizes: ['std'] },
  { category: 'consumable', zh: '全价成猫粮', en: 'Adult cat food', price: 128, colors: ['std'], sizes: ['2kg', '5kg'] },
  { category: 'consumable', zh: '坚果零食大礼包', en: 'Mixed nuts snack box', price: 99, colors: ['std'], sizes: ['1.2kg'] },
  { category: 'electronics', zh: 'LED护眼台灯', en: 'LED desk lamp', price: 119, colors: ['white', 'black'], sizes: ['std'] },
];

const CARRIERS = {
  zh: ['中通快递', '圆通速递', '申通快递', '韵达快递', '顺丰速运', '京东物流', '极兔速递', '邮政EMS', '德邦快递'],
  en: ['SF Express', 'ZTO Express', 'YTO Express', 'J&T Express', 'China Post', 'Cainiao', 'DHL eCommerce'],
};
const AGENTS = {
  zh: ['小美', '小雪', '阿杰', '安安', '可可', '乐乐', '小鹿', '团团', '客服小王', '客服小周'],
  en: ['Amy', 'Kevin', 'Lily', 'Tom', 'Grace', 'Leo', 'Mia', 'Sam'],
};

// {p} product, {c} carrier, {a} agent, {d} a few days, {n} many days or yuan, {m} money
const FRAGMENTS: Record<Lang, Record<Tone, Record<Topic, string[]>>> = {
  zh: {
    praise: {
      quality: ['质量很好，做工精细', '和图片一模一样，没有色差', '{p}比想象中好', '很结实，一看就是好材料', '质量没得说'],
      logistics: ['物流很快，第二天就到了', '{c}的快递小哥很负责，直接送到家门口', '包装完好无损，没有一点磕碰', '下单当天就发货了', '{d}天就收到了，速度很快'],
      service: ['客服{a}很耐心，有问必答', '客服回复很及时，态度也好', '拿不准型号，{a}帮我推荐得很准', '售后很给力，问题马上就解决了'],
      price: ['价格实惠，性价比很高', '活动价买的，很划算', '比超市便宜了{n}块钱', '这个价格买到这个质量，值了'],
    },
    mild: {
      quality: ['东西还行，细节一般', '一般般吧，和描述差不多', '做工凑合，没有想象中好'],
      logistics: ['物流有点慢，等了{n}天', '外盒有点压痕，东西没坏', '快递没送上楼，要自己去驿站拿'],
      service: ['客服回复有点慢', '客服{a}回答得比较敷衍'],
      price: ['价格有点贵', '没赶上活动，感觉亏了{n}块'],
    },
    complaint: {
      quality: ['和描述严重不符', '感觉是假货，做工很粗糙', '收到就是坏的', '质量太差了，跟图片完全不是一个东西'],
      logistics: [
        '物流太慢了，等了{n}天才到',
        '{c}的快递员态度很差，东西直接扔在门口',
        '外包装破损，里面的东西都压坏了',
        '物流信息好几天都不更新',
        '发错货了，和我拍的不一样',
        '少发了一件，找了半天也没有',
        '显示已签收，但我根本没收到',
      ],
      service: [
        '客服{a}半天不回消息',
        '问了几次都是机器人自动回复',
        '付款前很热情，付款后就不理人了',
        '退换货太麻烦了，来回折腾了{n}天',
        '态度很冷淡，还说是我自己的问题',
        '说好的补发一直没有消息',
      ],
      price: ['刚买完就降价了{n}块，也不给补差价', '说好的优惠券没有用上', '价格比实体店还贵', '赠品说好有的，结果没送'],
    },
  },
  zhHant: {
    praise: {
      quality: ['品質很好，做工細緻', '東西跟圖片一樣，沒有色差', '質感很好，很喜歡'],
      logistics: ['物流很快，{d}天就到了', '包裝完好，沒有損壞'],
      service: ['客服態度很好，回覆也很快', '客服{a}很有耐心'],
      price: ['價格實惠，很划算', '這個價錢買到很值得'],
    },
    mild: {
      quality: ['東西還可以，細節一般'],
      logistics: ['物流有點慢，等了{n}天'],
      service: ['客服回覆有點慢'],
      price: ['價格有點貴'],
    },
    complaint: {
      quality: ['跟描述差很多', '做工很差，感覺是假貨'],
      logistics: ['物流太慢了，等了{n}天才收到', '包裝破損，東西都壓壞了', '寄錯貨了'],
      service: ['客服態度很差，問題都不回答', '退貨流程很麻煩'],
      price: ['剛買就降價，不給補差價', '價格比實體店還貴'],
    },
  },
  en: {
    praise: {
      quality: ['Great quality, exactly as described.', 'Looks just like the photos.', 'Sturdy and well made.', 'Better than I expected.'],
      logistics: ['Arrived in {d} days, well packed.', 'Fast shipping with {c}.', 'The box arrived without a scratch.'],
      service: ['{a} from customer service answered all my questions quickly.', 'The seller was very helpful when I asked which model to get.'],
      price: ['Good value for the price.', 'Bought it on sale, a real bargain.', 'Cheaper than in the shops and just as good.'],
    },
    mild: {
      quality: ['Does the job, nothing special.', 'Okay quality, about what you would expect.'],
      logistics: ['Shipping was slow, took {n} days.', 'The box was dented but the item was fine.'],
      service: ['Customer service was a bit slow to reply.'],
      price: ['A little overpriced for what it is.'],
    },
    complaint: {
      quality: ['Not as described at all.', 'Feels cheap and looks fake.', 'Arrived broken.'],
      logistics: [
        'Took {n} days to arrive and the box was crushed.',
        'Tracking did not update for a week.',
        'The courier from {c} left it in the rain.',
        'Wrong item sent.',
        'One item was missing from the package.',
        'Marked as delivered but I never got it.',
      ],
      service: [
        'Customer service never replied to my messages.',
        '{a} kept sending copy-paste answers.',
        'Very friendly before I paid, ignored me after.',
        'Returning it was a nightmare, took {n} days of back and forth.',
      ],
      price: ['The price dropped by {m} the day after I bought it.', 'The coupon was not applied at checkout.', 'Way too expensive for this quality.'],
    },
  },
};

/** What buyers say about the product itself depends on what it is. */
const QUALITY: Record<Lang, Record<Tone, Record<Category, string[]>>> = {
  zh: {
    praise: {
      apparel: ['面料很舒服，洗了几次也不起球', '尺码很标准，穿着刚好', '版型好看，上身效果不错', '颜色很正，没有色差'],
      electronics: ['音质清晰，续航也够用', '充电很快，用着很顺手', '手感很好，做工扎实', '连接很稳定，没有断过'],
      home: ['很结实，用起来很顺手', '保温效果很好，一晚上都是热的', '摸着很舒服，睡得很好', '不粘效果好，好清洗'],
      consumable: ['味道很新鲜，包装也很严实', '用着很温和，不刺激', '猫咪很爱吃', '日期很新，量也足'],
    },
    mild: {
      apparel: ['尺码稍微偏大一点', '有点线头，剪掉就好了', '颜色比图片暗一些'],
      electronics: ['续航一般，一天一充', '声音有点小', '说明书写得不清楚'],
      home: ['有点味道，晾了两天才散', '比想象中小一点'],
      consumable: ['味道一般，没有想象中好', '分量有点少'],
    },
    complaint: {
      apparel: ['洗了一次就掉色了', '尺码偏小两码，根本穿不上', '到处都是线头，还有污渍', '色差太大了，和图片完全两个颜色', '穿了一次就开线了'],
      electronics: ['用了{n}天就坏了', '开关按了没反应', '充不进电，充电口是松的', '左耳没有声音', '屏幕上有划痕，像是二手的'],
      home: ['收到就发现有瑕疵，还有划痕', '有很大的异味，放了几天都散不掉', '用了两次就开始掉涂层', '保温效果很差，两个小时就凉了'],
      consumable: ['保质期只剩一个月了', '用了脸上过敏起痘', '打开就是潮的，有一股怪味', '猫咪吃了就拉肚子'],
    },
  },
  zhHant: {
    praise: {
      apparel: ['布料很舒服，尺寸剛好'],
      electronics: ['音質很清楚，續航也夠'],
      home: ['很耐用，用起來很順手'],
      consumable: ['味道很新鮮'],
    },
    mild: {
      apparel: ['尺寸稍微偏大'],
      electronics: ['續航普通'],
      home: ['有點味道'],
      consumable: ['份量有點少'],
    },
    complaint: {
      apparel: ['洗一次就掉色了', '顏色跟圖片差很多'],
      electronics: ['東西還沒用就壞了', '充不了電'],
      home: ['有很重的味道', '收到就有刮痕'],
      consumable: ['快過期了', '打開就有怪味'],
    },
  },
  en: {
    praise: {
      apparel: ['The fabric is soft and did not shrink in the wash.', 'Fits true to size.', 'Nice cut and the color is exactly as shown.'],
      electronics: ['Sound is clear and the battery lasts all day.', 'Charges fast and feels solid.', 'Pairs instantly, no dropouts.'],
      home: ['Keeps drinks hot all day.', 'Very comfortable, I sleep much better.', 'Nothing sticks to it and it cleans easily.'],
      consumable: ['Fresh and well sealed.', 'Gentle on my skin.', 'My cat loves it.'],
    },
    mild: {
      apparel: ["It's okay, a few loose threads.", 'Runs a little large.', 'The color is a bit darker than the pictures.'],
      electronics: ['Battery life is just average.', 'A bit quiet at full volume.'],
      home: ['Had a smell for the first couple of days.', 'Smaller than I expected.'],
      consumable: ['Taste is just okay.', 'Smaller portion than I thought.'],
    },
    complaint: {
      apparel: ['The color ran after one wash.', 'Runs two sizes small, could not wear it.', 'The seams came apart the first time I wore it.'],
      electronics: ['Stopped working after {n} days.', 'Will not charge at all.', 'The left earbud has no sound.', 'Scratched screen, looks used.'],
      home: ['Strong chemical smell that will not go away.', 'Arrived with a crack in the side.', 'The coating started peeling after two uses.'],
      consumable: ['Expires next month.', 'Gave me a rash.', 'The bag was open and it smelled off.'],
    },
  },
};

const CLOSERS: Record<Lang, Record<Tone, string[]>> = {
  zh: {
    praise: ['会回购的', '推荐购买', '已经推荐给朋友了', '五星好评！', '总体很满意', '下次还来', '👍👍'],
    mild: ['总体一般', '凑合用吧', '希望改进', '中规中矩'],
    complaint: ['非常失望', '不会再买了', '大家别买', '希望商家给个说法', '差评！', '要求退款', '已经申请售后了'],
  },
  zhHant: {
    praise: ['會再回購', '推薦購買', '非常滿意'],
    mild: ['普普通通', '希望改進'],
    complaint: ['非常失望', '不會再買了', '希望賣家給個說法'],
  },
  en: {
    praise: ['Would buy again.', 'Highly recommend!', 'Very happy with it.', 'Five stars.'],
    mild: ['It is fine for the price.', 'Could be better.', 'Average.'],
    complaint: ['Very disappointed.', 'Will not buy again.', 'I want a refund.', 'Avoid this seller.'],
  },
};

const FOLLOW_UPS: Record<Lang, Record<'better' | 'worse', string[]>> = {
  zh: {
    better: ['用了一个月，还是挺好用的', '追评：洗了几次也没变形，好评', '又买了一件送家人'],
    worse: ['追评：用了两个星期就开始起球了', '追评：没用几天就坏了，联系客服也不处理', '洗过一次缩水严重'],
  },
  zhHant: {
    better: ['用了一個月，還是很好用'],
    worse: ['追評：用了兩個禮拜就壞了'],
  },
  en: {
    better: ['Update: still working great after a month.', 'Bought a second one for my parents.'],
    worse: ['Update: broke after three weeks.', 'Update: the seams came apart after two washes.'],
  },
};

const NO_TEXT: Record<Lang, string> = { zh: '此用户没有填写评价。', zhHant: '此用戶沒有填寫評價。', en: '' };
const TOPICS: Topic[] = ['quality', 'logistics', 'service', 'price'];
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

export class ReviewGenerator {
  private readonly random: () => number;
  private sequence = 0;
  private readonly runId = randomUUID().slice(0, 8);

  constructor(
    seed: number,
    private readonly now = Date.now(),
  ) {
    this.random = seededRandom(seed);
  }

  private pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.random() * items.length)];
  }

  private int(min: number, max: number): number {
    return min + Math.floor(this.random() * (max - min + 1));
  }

  /** 5★ 62%, 4★ 14%, 3★ 8%, 2★ 6%, 1★ 10% */
  private rating(): number {
    const r = this.random();
    if (r < 0.62) return 5;
    if (r < 0.76) return 4;
    if (r < 0.84) return 3;
    if (r < 0.9) return 2;
    return 1;
  }

  private platform(): GeneratedReview['platform'] {
    const r = this.random();
    if (r < 0.35) return 'taobao';
    if (r < 0.6) return 'tmall';
    if (r < 0.8) return 'jd';
    if (r < 0.95) return 'pdd';
    return 'other';
  }

  private language(platform: GeneratedReview['platform']): Lang {
    const r = this.random();
    if (platform === 'other') return r < 0.9 ? 'en' : 'zh';
    if (r < 0.05) return 'en';
    if (r < 0.08) return 'zhHant';
    return 'zh';
  }

  private fill(template: string, lang: Lang, product: Product, carrier: string, agent: string): string {
    return template
      .replace('{p}', lang === 'en' ? product.en : product.zh)
      .replace('{c}', carrier)
      .replace('{a}', agent)
      .replace('{d}', String(this.int(1, 3)))
      .replace('{n}', String(this.int(5, 15)))
      .replace('{m}', `$${this.int(3, 30)}`);
  }

  private text(lang: Lang, rating: number, product: Product, carrier: string, agent: string): string {
    if (this.random() < 0.04) return NO_TEXT[lang];
    const join = lang === 'en' ? ' ' : '，';
    const end = lang === 'en' ? '' : '。';
    const parts: string[] = [];
    const topics = [...TOPICS].sort(() => this.random() - 0.5);
    const say = (tone: Tone, count: number) => {
      for (let i = 0; i < count; i++) {
        const topic = topics[parts.length % topics.length];
        const choices = topic === 'quality' && this.random() < 0.7 ? QUALITY[lang][tone][product.category] : FRAGMENTS[lang][tone][topic];
        parts.push(this.fill(this.pick(choices), lang, product, carrier, agent));
      }
    };
    if (rating >= 4) say('praise', this.int(1, 3));
    else if (rating === 3) {
      say('praise', this.int(0, 1));
      say('mild', this.int(1, 2));
    } else {
      say('complaint', this.int(1, 3));
      if (this.random() < 0.2) say('mild', 1);
    }
    const tone: Tone = rating >= 4 ? 'praise' : rating === 3 ? 'mild' : 'complaint';
    if (this.random() < 0.6) parts.push(this.pick(CLOSERS[lang][tone]));
    const body = lang === 'en' ? parts.join(join) : parts.map((p) => p.replace(/[。！!.]$/u, '')).join(join);
    return lang === 'en' || /[！!👍]$/u.test(body) ? body : `${body}${end}`;
  }

  /** Chinese platforms send local time, sometimes without an offset (read in the shop's zone). */
  private stamp(epochMs: number, platform: GeneratedReview['platform'], style: number): string {
    if (platform === 'other') return new Date(epochMs).toISOString();
    const local = new Date(epochMs + 8 * HOUR).toISOString().slice(0, 19);
    return style < 0.7 ? `${local}+08:00` : local.replace('T', ' ');
  }

  next(): GeneratedReview {
    this.sequence += 1;
    const platform = this.platform();
    const lang = this.language(platform);
    const productIndex = this.int(0, PRODUCTS.length - 1);
    const product = PRODUCTS[productIndex];
    const color = this.pick(product.colors);
    const size = this.pick(product.sizes);
    const productId = String(6_520_000 + productIndex * 37);
    const rating = this.rating();
    const carrier = this.pick(lang === 'en' ? CARRIERS.en : CARRIERS.zh);
    const agent = this.pick(lang === 'en' ? AGENTS.en : AGENTS.zh);
    const buyer = this.int(1, 30_000);
    const quantity = this.random() < 0.85 ? 1 : this.int(2, 4);

    // the timeline goes backwards from the review so that nothing is in the future
    const reviewed = this.now - this.int(1, 90 * 24) * HOUR - this.int(0, 3599) * 1000;
    const delivered = reviewed - this.int(1, 10 * 24) * HOUR;
    const shipped = delivered - this.int(12, 6 * 24) * HOUR;
    const ordered = shipped - this.int(1, 72) * HOUR;
    const style = this.random();

    const review: GeneratedReview = {
      platform,
      externalId: `${platform.toUpperCase()}-${this.runId}-${String(this.sequence).padStart(9, '0')}`,
      productId,
      sku: `${productId}-${color}-${size}`,
      productName: lang === 'en' ? product.en : product.zh,
      orderId: String(3_188_000_000_000_000 + this.sequence * 7919 + this.int(0, 7000)),
      buyerId: `b-${buyer}`,
      buyerNick: lang === 'en' ? `${this.pick(['j', 'm', 's', 'k', 'a'])}***${buyer % 10}` : `${this.pick(['t', 'x', 'l', 'w', 'z'])}***${buyer % 10}`,
      rating,
      content: this.text(lang, rating, product, carrier, agent),
      orderAmount: Math.round(product.price * quantity * (0.8 + this.random() * 0.2) * 100) / 100,
      ...(platform === 'other' ? { currency: 'USD' } : {}),
      orderedAt: this.stamp(ordered, platform, style),
      shippedAt: this.stamp(shipped, platform, style),
      deliveredAt: this.stamp(delivered, platform, style),
      reviewedAt: this.stamp(reviewed, platform, style),
      carrier,
      serviceAgent: agent,
    };
    const photos = this.random();
    if (photos < 0.15) {
      review.images = Array.from({ length: this.int(1, 4) }, (_, i) => `https://img.shop-cdn.example/r/${review.externalId}/${i + 1}.jpg`);
    } else if (photos < 0.25) {
      review.imageCount = this.int(1, 6);
    }
    if (this.random() < 0.03) review.hasVideo = true;
    const followUp = reviewed + this.int(1, 30) * DAY;
    if (this.random() < 0.1 && followUp < this.now - HOUR) {
      review.followUpContent = this.pick(FOLLOW_UPS[lang][rating >= 4 && this.random() < 0.7 ? 'better' : 'worse']);
      review.followUpAt = this.stamp(followUp, platform, style);
    }
    return review;
  }
}

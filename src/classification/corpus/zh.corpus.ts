/**
 * Chinese training reviews written for this project (not taken from any data set), across clothes, shoes,
 * cosmetics, food, electronics, home goods, toys, books and pet supplies. `labels | text`, `-` for no cause.
 * Hard negatives are on purpose: praise, negated complaints, contrast sentences, the buyer's own reasons.
 */
export const ZH_CORPUS = String.raw`
# ---------- quality.defect_broken ----------
quality.defect_broken | 穿了两次拉链就坏了
quality.defect_broken | 鞋子穿了一周就开胶了，质量太差
quality.defect_broken | 衣服线头特别多，还有一处开线
quality.defect_broken | 毛衣洗了一次就起球了
quality.defect_broken | 裤子洗一次就掉色，把别的衣服都染了
quality.defect_broken | 杯子有裂缝，一倒水就漏
quality.defect_broken | 收到手机屏幕有划痕，明显是次品
quality.defect_broken | 耳机左边没声音，右边有杂音
quality.defect_broken | 充电器用了三天就充不进电了
quality.defect_broken | 电脑开机就蓝屏，根本用不了
quality.defect_broken | 手表戴了不到一个月就不走了
quality.defect_broken | 台灯开关失灵，按了没反应
quality.defect_broken | 玩具车的轮子一碰就掉
quality.defect_broken | 积木缺角，边上都是毛刺，容易划伤小孩
quality.defect_broken | 椅子腿不稳，坐上去一直晃
quality.defect_broken | 保温杯不保温，盖子也拧不紧会漏水
quality.defect_broken | 包包的肩带断了，才背了几天
quality.defect_broken | 雨伞第一次用伞骨就折断了
quality.defect_broken | 锅的涂层用了几次就掉了
quality.defect_broken | 鼠标左键失灵，双击变单击
quality.defect_broken | 数据线接触不良，要掰着角度才能充电
quality.defect_broken | 键盘有几个键按下去弹不起来
quality.defect_broken | 手机用了半个月就死机，反复重启
quality.defect_broken | 吹风机用了两次就冒烟了，吓死人
quality.defect_broken | 口红断了，拧出来就断在里面
quality.defect_broken | 眉笔很容易断，削一下断一截
quality.defect_broken | 镜子裂了一道，粉饼也碎成渣
quality.defect_broken | 面霜的泵头坏了，按不出来
quality.defect_broken | 喷头喷不出来，堵住了
quality.defect_broken | 床单有个破洞，还有黄色的污渍
quality.defect_broken | 窗帘挂钩一拉就断
quality.defect_broken | 行李箱轮子走了两次就坏了一个
quality.defect_broken | 眼镜腿松了，戴着老往下滑
quality.defect_broken | 项链戴了几天就掉色变黑
quality.defect_broken | 收到的菜板中间开裂了
quality.defect_broken | 衣架一挂衣服就弯了，太不结实
quality.defect_broken | 蓝牙音箱连不上，换了手机也不行
quality.defect_broken | 路由器老断网，一天要重启好几次
quality.defect_broken | 电动牙刷充满电用一次就没电了
quality.defect_broken | 笔记本电脑键盘有一个键松动
quality.defect_broken | 收到的衬衫纽扣掉了两颗
quality.defect_broken | 袜子穿一天脚后跟就破了
quality.defect_broken | 拖鞋鞋底断成两截
quality.defect_broken | 娃娃的眼睛掉了一只，质量太差了
quality.defect_broken | 打开瓶子发现里面有异物
quality.defect_broken | 遥控器按键不灵，要用力按好几下
quality.defect_broken | 电饭煲煮饭底部糊了，还显示故障
quality.defect_broken | 手机壳边缘裂了
quality.defect_broken | 扫地机器人用了一周就不转了
quality.defect_broken | 榨汁机刀头松动，转起来声音很响
quality.defect_broken | 指甲油刷头分叉，毛都掉出来了
quality.defect_broken | 书的装订有问题，好几页掉了
quality.defect_broken | 猫抓板没用几天就散架了
quality.defect_broken | 鞋面有瑕疵，一块皮是皱的
quality.defect_broken | 收到就是坏的，插上电没反应
quality.defect_broken | 羽绒服跑毛严重，穿一天身上全是毛
quality.defect_broken | 用了一个月屏幕就出现亮线
quality.defect_broken | 这个水龙头没装多久就漏水了
quality.defect_broken | 质量太差，用了一次就坏
quality.defect_broken | 做工粗糙，缝线歪歪扭扭
quality.defect_broken | 次品，有明显瑕疵
quality.defect_broken | 很容易坏，不耐用
quality.defect_broken | 东西是坏的
quality.defect_broken | 坏了

# ---------- quality.not_as_described ----------
quality.not_as_described | 和描述不符，说是纯棉的，摸起来全是化纤
quality.not_as_described | 实物和图片差太多了，图片上看着高级多了
quality.not_as_described | 详情页说是真皮，收到是人造革
quality.not_as_described | 宣传的功能一个都没有，虚假宣传
quality.not_as_described | 说是实木的，结果是颗粒板贴皮
quality.not_as_described | 跟主播说的完全不是一个东西
quality.not_as_described | 量太少了，一小瓶用不了几次
quality.not_as_described | 分量不足，标的500克实际只有400多克
quality.not_as_described | 盒子很大，里面东西很少，过度包装
quality.not_as_described | 比想象中小太多，跟图片上的大小完全不一样
quality.not_as_described | 买家秀和卖家秀差别太大了
quality.not_as_described | 照骗，实物丑多了
quality.not_as_described | 标注的容量是256G，实际只有128G
quality.not_as_described | 说好的防水，下雨天鞋子全湿了
quality.not_as_described | 页面写的十小时续航，实际两小时都撑不到
quality.not_as_described | 跟之前在实体店买的不一样，怀疑换了配方
quality.not_as_described | 描述说是加厚款，收到薄得透光
quality.not_as_described | 图片上是套装，收到只有一件
quality.not_as_described | 写的适合大床，结果床单短了一截
quality.not_as_described | 说是新款，收到明显是老款
quality.not_as_described | 零食包装里一半都是空气
quality.not_as_described | 与描述不符
quality.not_as_described | 货不对板
quality.not_as_described | 没有宣传的那么好，被骗了
quality.not_as_described | 和视频里展示的效果差距很大
quality.not_as_described | 号称是原装配件，结果是兼容的
quality.not_as_described | 描述的功能都没有，就是个普通的
quality.not_as_described | 玩具比图片上小一半，孩子很失望

# ---------- quality.colour_difference ----------
quality.colour_difference | 色差太大了，图片是杏色，收到是土黄色
quality.colour_difference | 颜色跟图片不一样，偏暗很多
quality.colour_difference | 口红色号不对，涂上比试色深好多
quality.colour_difference | 粉底液颜色偏黄，上脸显黑
quality.colour_difference | 买的白色收到是米白，有色差
quality.colour_difference | 沙发颜色比图片深，和家里不搭
quality.colour_difference | 衣服颜色很艳，跟图上的莫兰迪色完全两回事
quality.colour_difference | 眼影盘颜色很浅，根本不显色
quality.colour_difference | 窗帘颜色发灰，不是想要的蓝色
quality.colour_difference | 手机壳颜色偏紫，和描述的粉色不一样
quality.colour_difference | 色差严重
quality.colour_difference | 颜色不对
quality.colour_difference | 鞋子实物颜色比图片暗很多
quality.colour_difference | 床品颜色和详情页差得远
quality.colour_difference | 头发染出来颜色和色卡完全不一样

# ---------- quality.size_fit ----------
quality.size_fit | 尺码偏小，平时穿M这个L都穿不上
quality.size_fit | 鞋子偏大一码，走路掉跟
quality.size_fit | 裤子太长了，腰围又太紧
quality.size_fit | 按尺码表买的还是大了很多
quality.size_fit | 衣服袖子太短，胳膊露一截
quality.size_fit | 鞋子挤脚，走一会脚就疼
quality.size_fit | 码数不准，建议拍大一码
quality.size_fit | 帽子太小戴不上
quality.size_fit | 戒指尺寸不对，戴不进去
quality.size_fit | 内衣不合身，勒得慌
quality.size_fit | 手机壳尺寸不对，装不进去
quality.size_fit | 被套比被子小，塞不进去
quality.size_fit | 偏小
quality.size_fit | 太大了，不合身
quality.size_fit | 运动鞋磨脚，后跟都磨出泡了
quality.size_fit | 裙子腰太紧了，拉链拉不上
quality.size_fit | 版型不好，穿上像个麻袋
quality.size_fit | 宝宝的衣服尺码偏小，才穿一次就小了

# ---------- quality.fake_or_expired ----------
quality.fake_or_expired | 假货，和专柜买的味道完全不一样
quality.fake_or_expired | 防伪码扫出来查不到，怀疑是假的
quality.fake_or_expired | 不是正品，做工和正品差太多
quality.fake_or_expired | 收到的牛奶已经过期了
quality.fake_or_expired | 生产日期是两年前的，快过期了还卖
quality.fake_or_expired | 水果有好几个烂的，一股酸味
quality.fake_or_expired | 面包发霉了，长了绿毛
quality.fake_or_expired | 坚果不新鲜，有哈喇味
quality.fake_or_expired | 茶叶一股陈味，像是放了好几年的库存
quality.fake_or_expired | 高仿的，logo都印歪了
quality.fake_or_expired | 说是全新，收到有使用痕迹，像是别人用过退回来的
quality.fake_or_expired | 翻新机，电池循环次数好几百了
quality.fake_or_expired | 鸡蛋有几个是臭的
quality.fake_or_expired | 香水味道不对，留香也不行，肯定不是正品
quality.fake_or_expired | 奶粉罐子没有防伪标签，不敢给孩子喝
quality.fake_or_expired | 临期产品，也没提前说明
quality.fake_or_expired | 月饼收到已经变质了
quality.fake_or_expired | 假的
quality.fake_or_expired | 过期了
quality.fake_or_expired | 包装被拆过，感觉是二手的
quality.fake_or_expired | 三无产品，没有生产日期也没有厂家
quality.fake_or_expired | 肉松有股怪味，打开一看已经变质了

# ---------- quality.poor_effect ----------
quality.poor_effect | 用了一个月一点效果都没有
quality.poor_effect | 面膜敷完脸还是干的，不保湿
quality.poor_effect | 粉底不持妆，两个小时就斑驳了
quality.poor_effect | 洗面奶洗不干净，洗完还是油
quality.poor_effect | 防晒霜涂了还是晒黑了
quality.poor_effect | 口红不显色，涂了跟没涂一样
quality.poor_effect | 睫毛膏一点都不卷翘，还晕妆
quality.poor_effect | 护手霜太油腻，抹完黏糊糊的
quality.poor_effect | 洗发水洗完头发干得像稻草
quality.poor_effect | 羽绒服一点都不保暖，还不如我的毛衣
quality.poor_effect | 鞋底太硬，走久了脚疼
quality.poor_effect | 衣服不透气，穿着闷热
quality.poor_effect | 手机特别卡，打开个微信都要等半天
quality.poor_effect | 电脑发热严重，玩一会游戏就烫手
quality.poor_effect | 续航太差了，半天就没电
quality.poor_effect | 吸尘器吸力太小，头发都吸不起来
quality.poor_effect | 空调制冷效果很差，开一晚上还是热
quality.poor_effect | 加湿器噪音很大，晚上吵得睡不着
quality.poor_effect | 耳机音质一般，低音很弱
quality.poor_effect | 蓝牙经常断连，听歌断断续续
quality.poor_effect | 体重秤不准，同一时间称三次三个数
quality.poor_effect | 台灯亮度不够，看书很费眼
quality.poor_effect | 零食太甜了，齁得慌
quality.poor_effect | 牛肉干硬邦邦的，咬不动
quality.poor_effect | 咖啡喝起来很苦，一点香味都没有
quality.poor_effect | 米饭口感不好，没有香味
quality.poor_effect | 不好吃，太咸了
quality.poor_effect | 刀不锋利，切个西红柿都切不动
quality.poor_effect | 不粘锅一样粘锅
quality.poor_effect | 拖把吸水性很差，拖完地上全是水
quality.poor_effect | 胶带粘不住，贴上去就掉
quality.poor_effect | 安装麻烦，说明书也看不懂
quality.poor_effect | 床垫太软了，睡得腰疼
quality.poor_effect | 枕头睡一晚就塌了
quality.poor_effect | 玩具声音太小，孩子玩两下就不玩了
quality.poor_effect | 笔写起来断断续续，不出水
quality.poor_effect | 不好用
quality.poor_effect | 没效果
quality.poor_effect | 很难用，一点都不方便
quality.poor_effect | 效果一般般，不会回购
quality.poor_effect | 卸妆油卸不干净，眼妆还残留
quality.poor_effect | 精华涂上搓泥，没法上妆
quality.poor_effect | 散粉飞粉严重，定妆效果一般
quality.poor_effect | 面霜不吸收，浮在脸上
quality.poor_effect | 指甲油很难干，一碰就花
quality.poor_effect | 剃须刀不锋利，刮不干净还夹胡子
quality.poor_effect | 用起来很不顺手
quality.poor_effect | 没什么用，浪费钱
quality.poor_effect | 净水器出水很慢，接一杯水要一分钟
quality.poor_effect | 打印机打印速度很慢，还经常卡纸
quality.poor_effect | 电脑运行慢，开个网页都卡

# ---------- quality.smell ----------
quality.smell | 味道太大了，一股刺鼻的化学味
quality.smell | 打开有很重的甲醛味，放了一周还有
quality.smell | 鞋子有股胶水味，熏得头疼
quality.smell | 衣服一股霉味，洗了两遍还有
quality.smell | 塑料味很重，不敢给孩子玩
quality.smell | 香水太香了，闻久了头晕
quality.smell | 沐浴露香精味太重
quality.smell | 枕头有股怪味
quality.smell | 猫砂除臭效果差，还有股臭味
quality.smell | 瑜伽垫橡胶味特别冲
quality.smell | 有异味
quality.smell | 味道难闻
quality.smell | 面霜闻着有股油哈味
quality.smell | 新买的沙发一股皮革味散不掉
quality.smell | 洗衣液味道很刺鼻，洗完衣服也有味
quality.smell | 保温杯里有股铁锈味

# ---------- quality.skin_reaction ----------
quality.skin_reaction | 用了两天脸上开始过敏，起了好多红疹
quality.skin_reaction | 面膜敷上刺痛，脸都红了
quality.skin_reaction | 用了这个粉底长了好多闭口
quality.skin_reaction | 擦完眼霜眼睛辣得流眼泪
quality.skin_reaction | 洗发水用完头皮特别痒
quality.skin_reaction | 吃了这个零食拉肚子了
quality.skin_reaction | 敏感肌慎入，用完烂脸了
quality.skin_reaction | 穿了这个袜子脚上起疹子
quality.skin_reaction | 过敏了
quality.skin_reaction | 手表带戴着皮肤发红发痒
quality.skin_reaction | 宝宝用了这个纸尿裤红屁股了
quality.skin_reaction | 狗狗吃了这个狗粮一直吐

# ---------- quality.packaging ----------
quality.packaging | 包装太简陋了，送人都拿不出手
quality.packaging | 没有包装盒，就一个塑料袋装着
quality.packaging | 礼盒很旧，角都磨白了
quality.packaging | 瓶子封口不严，已经漏了一点
quality.packaging | 包装很随便，连个说明书都没有
quality.packaging | 外盒印刷模糊，看着像山寨
quality.packaging | 包装盒脏兮兮的，像是被退回来的
quality.packaging | 零食袋子没有密封条，开了就容易潮

# ---------- quality (generic) ----------
quality | 质量很差，不值这个钱
quality | 东西太垃圾了
quality | 质量不行，一分钱一分货吧
quality | 东西很一般，没有想象中好
quality | 质量一般般
quality | 不怎么样，不推荐
quality | 很失望，东西太差了
quality | 什么破东西
quality | 垃圾
quality | 质量堪忧
quality | 做工差，看着很廉价
quality | 看着就很廉价，塑料感很强
quality | 东西不行，后悔买了
quality | 整体质量不太好
quality | 太差了
quality | 一般，感觉不值
quality | 感觉质量不是很好
quality | 真心不好，别买
quality | 辣鸡产品
quality | 拿到手感觉很廉价
quality | 便宜没好货
quality | 款式很丑，穿上显老
quality | 不好看，和想的差很多

# ---------- logistics.slow_delivery ----------
logistics.slow_delivery | 物流太慢了，一个星期才到
logistics.slow_delivery | 发货太慢，下单三天了还没发
logistics.slow_delivery | 快递慢得要死，等了半个月
logistics.slow_delivery | 说好48小时发货，拖了五天才发
logistics.slow_delivery | 催了好几次才发货
logistics.slow_delivery | 物流真的太慢了，比蜗牛还慢
logistics.slow_delivery | 等了十天才收到，东西还没用
logistics.slow_delivery | 发货速度太慢
logistics.slow_delivery | 买来过节用的，结果节都过完了才到
logistics.slow_delivery | 快递在路上走了一个多星期
logistics.slow_delivery | 预售等了一个月，太久了
logistics.slow_delivery | 物流慢
logistics.slow_delivery | 太慢了
logistics.slow_delivery | 慢死了
logistics.slow_delivery | 发货晚，物流也慢
logistics.slow_delivery | 同城的快递居然走了四天
logistics.slow_delivery | 希望发货能快一点，等得太着急了
logistics.slow_delivery | 一直不发货，问就是在排单
logistics.slow_delivery | 快递一直在中转，好几天不动
logistics.slow_delivery | 本来想送生日礼物的，晚到了三天
logistics.slow_delivery | 发货慢就算了，物流也慢
logistics.slow_delivery | 配送太慢，生鲜到手都不新鲜了
logistics.slow_delivery | 龟速物流
logistics.slow_delivery | 慢
logistics.slow_delivery | 太慢
logistics.slow_delivery | 好慢啊
logistics.slow_delivery | 很慢
logistics.slow_delivery | 慢慢慢

# ---------- logistics.damaged_parcel ----------
logistics.damaged_parcel | 快递盒子都压扁了，里面的东西也变形了
logistics.damaged_parcel | 外包装破了个大洞，东西差点掉出来
logistics.damaged_parcel | 运输过程中被压坏了，杯子碎了两个
logistics.damaged_parcel | 快递太暴力了，箱子都摔烂了
logistics.damaged_parcel | 纸箱被压塌，鸡蛋碎了一半
logistics.damaged_parcel | 包裹湿透了，应该是路上淋了雨
logistics.damaged_parcel | 快递被私自拆开过，胶带是重新贴的
logistics.damaged_parcel | 暴力分拣，盒子角都是烂的
logistics.damaged_parcel | 路上摔坏了，屏幕碎了
logistics.damaged_parcel | 外箱破损严重，里面的瓶子挤漏了
logistics.damaged_parcel | 包装被压变形了，心疼
logistics.damaged_parcel | 快递送到的时候箱子已经开了
logistics.damaged_parcel | 打包太简单，一层袋子就寄过来，路上挤坏了

# ---------- logistics.lost_or_missing ----------
logistics.lost_or_missing | 到现在都没收到货，物流显示已签收
logistics.lost_or_missing | 快递丢了，找了好几天也没找到
logistics.lost_or_missing | 少发了一件，订单是两件只收到一件
logistics.lost_or_missing | 配件漏发了，没有充电线
logistics.lost_or_missing | 东西被人冒领了
logistics.lost_or_missing | 显示签收了，可我根本没收到
logistics.lost_or_missing | 买了三包只来了两包
logistics.lost_or_missing | 快递送错地址了，到现在还没找回来
logistics.lost_or_missing | 包裹丢件了
logistics.lost_or_missing | 没收到货
logistics.lost_or_missing | 盒子里少了一个零件，装不起来
logistics.lost_or_missing | 套装少了一支，说明书也没有
logistics.lost_or_missing | 被退回去了，我都不知道

# ---------- logistics.wrong_item ----------
logistics.wrong_item | 发错货了，我买的黑色发来白色
logistics.wrong_item | 买的42码发了40码，发错了
logistics.wrong_item | 发来的型号不对，用不了
logistics.wrong_item | 收到的不是我买的东西
logistics.wrong_item | 色号发错了，要的是豆沙色
logistics.wrong_item | 口味发错了，要的原味给了辣味
logistics.wrong_item | 发错了
logistics.wrong_item | 货不对，跟订单不一样
logistics.wrong_item | 订的是大号发来小号
logistics.wrong_item | 寄错了，这不是我下单的款式

# ---------- logistics.tracking ----------
logistics.tracking | 物流信息三天没更新了
logistics.tracking | 单号查不到，是不是虚假发货
logistics.tracking | 物流一直显示在中转，一动不动
logistics.tracking | 没有物流信息，也不知道发没发
logistics.tracking | 物流信息显示派送中，一天了也没人送
logistics.tracking | 物流停在一个地方好几天
logistics.tracking | 快递信息一直不更新，急死了
logistics.tracking | 查不到物流

# ---------- logistics.courier_attitude ----------
logistics.courier_attitude | 快递员态度很差，打电话还骂人
logistics.courier_attitude | 快递不送上门，直接扔驿站也不通知
logistics.courier_attitude | 快递小哥很不耐烦，让我自己下楼取
logistics.courier_attitude | 派件员没打电话就放快递柜了，还收超时费
logistics.courier_attitude | 送货师傅把东西扔在门口就走了
logistics.courier_attitude | 快递员服务态度恶劣
logistics.courier_attitude | 快递员不接电话，也不回短信
logistics.courier_attitude | 快递员说送到了，其实根本没来过
logistics.courier_attitude | 中通快递太差劲了，态度极差
logistics.courier_attitude | 要投诉快递员

# ---------- logistics.shipping_fee ----------
logistics.shipping_fee | 运费太贵了，比东西还贵
logistics.shipping_fee | 说包邮结果还要补运费
logistics.shipping_fee | 偏远地区加运费加得太多
logistics.shipping_fee | 邮费太高了
logistics.shipping_fee | 不包邮

# ---------- logistics (generic) ----------
logistics | 物流太差了
logistics | 快递很垃圾
logistics | 这家的快递真不行
logistics | 物流体验很差

# ---------- service.attitude ----------
service.attitude | 客服态度很差，问两句就不耐烦
service.attitude | 客服说话阴阳怪气的
service.attitude | 售后态度恶劣，还说是我自己弄坏的
service.attitude | 付款前很热情，付款后就爱答不理
service.attitude | 客服态度太差了
service.attitude | 商家骂人，什么素质
service.attitude | 服务态度不好
service.attitude | 卖家很凶，一点都不客气
service.attitude | 客服一直推卸责任，说是快递的问题
service.attitude | 客服很敷衍，复制粘贴的回复
service.attitude | 态度差
service.attitude | 店家态度傲慢，爱买不买的样子
service.attitude | 客服不专业，问什么都说不知道
service.attitude | 服务太差了，不会再来
service.attitude | 客服说话很冲，还怪我不会用

# ---------- service.slow_response ----------
service.slow_response | 客服回复太慢了，半天才回一句
service.slow_response | 问客服问题一直不回
service.slow_response | 找客服没人理，全是自动回复
service.slow_response | 发了好几条消息都没人回复
service.slow_response | 客服不在线，留言也不回
service.slow_response | 联系不上客服
service.slow_response | 咨询尺码等了两个小时才回复
service.slow_response | 客服回消息慢
service.slow_response | 售后一直不回消息
service.slow_response | 机器人客服，转人工也没人

# ---------- service.return_refund_hassle ----------
service.return_refund_hassle | 退货太麻烦了，还要我自己出运费
service.return_refund_hassle | 申请退款一个星期了还没处理
service.return_refund_hassle | 不给退，说拆了包装就不能退
service.return_refund_hassle | 换货要寄回去再等一周，太折腾了
service.return_refund_hassle | 退款到现在还没到账
service.return_refund_hassle | 说支持七天无理由，结果不给退
service.return_refund_hassle | 要求拍视频才给换，拍了又说不清楚
service.return_refund_hassle | 售后推来推去，退个货比登天还难
service.return_refund_hassle | 拒绝退款，理由莫名其妙
service.return_refund_hassle | 退货运费险不赔，还得自己掏钱
service.return_refund_hassle | 退款拖着不退
service.return_refund_hassle | 想换个码都不让换

# ---------- service.unresolved ----------
service.unresolved | 出了问题商家不处理
service.unresolved | 反映了好几次问题，一直没解决
service.unresolved | 客服说帮我处理，然后就没下文了
service.unresolved | 商家不负责任，让我自己找厂家
service.unresolved | 问题拖了半个月也没个说法
service.unresolved | 客服答非所问，根本解决不了问题
service.unresolved | 说好的补偿到现在也没给
service.unresolved | 找了售后好几次，就是不给解决

# ---------- service.warranty_repair ----------
service.warranty_repair | 坏了送修，修了一个月还没修好
service.warranty_repair | 说是保修一年，坏了又说人为损坏不保修
service.warranty_repair | 返修了三次还是同样的毛病
service.warranty_repair | 维修还要自己出维修费，说好的质保呢
service.warranty_repair | 寄回去维修，修好寄回来又坏了
service.warranty_repair | 售后维修点太少，修个东西跑好远

# ---------- service (generic) ----------
service | 客服太差了
service | 服务很差
service | 这家的服务真不行
service | 客服真的不行

# ---------- price.price_drop ----------
price.price_drop | 刚买完就降价了，差了五十块
price.price_drop service.unresolved | 买完第二天就便宜了二十，找客服不给退差价
price.price_drop | 双十一买的比平时还贵，后来降价了
price.price_drop | 前脚买后脚就降价，心塞
price.price_drop | 别家同款便宜好多
price.price_drop | 价格忽高忽低的
price.price_drop | 买贵了，现在活动价便宜一大截
price.price_drop | 降价了不给保价

# ---------- price.promotion ----------
price.promotion | 说好的赠品没有送
price.promotion | 优惠券用不了，付款的时候没减
price.promotion | 满减活动没给我减
price.promotion | 返现说好五块，到现在也没返
price.promotion | 说买一送一，结果只收到一个
price.promotion | 先涨价再打折，虚假活动
price.promotion | 活动价没给，按原价扣的钱
price.promotion | 赠品少了，小样一个都没有

# ---------- price.overpriced ----------
price.overpriced | 太贵了，不值这个价
price.overpriced | 性价比太低
price.overpriced | 价格偏高，同样的东西别处便宜
price.overpriced | 东西还行就是有点贵
price.overpriced | 这个价钱能买更好的
price.overpriced | 贵
price.overpriced | 价格太高了，质量却一般
price.overpriced | 智商税，不值得

# ---------- multi-label ----------
quality.defect_broken logistics.slow_delivery | 物流慢得要命，收到还是坏的
quality.colour_difference logistics.slow_delivery | 发货慢，而且衣服有色差
quality.size_fit service.slow_response | 尺码偏小，问客服也不回
quality.defect_broken service.return_refund_hassle | 收到就是坏的，申请退货还不给退
quality.smell service.attitude | 味道太大，客服还说是正常的，态度很差
logistics.lost_or_missing service.slow_response | 少发了东西，联系客服一直没人回
logistics.wrong_item service.attitude | 发错货了，客服还怪我下错单
quality.fake_or_expired service.unresolved | 收到的是过期货，商家死活不认
quality.poor_effect price.overpriced | 效果一般，价格还这么贵
logistics.damaged_parcel quality.defect_broken | 外箱压坏了，里面的杯子也有裂痕
quality.skin_reaction service.unresolved | 用了过敏，找客服也不给处理
logistics.slow_delivery service.slow_response | 发货太慢，催客服也不理
price.price_drop service.unresolved | 买完就降价，客服不给退差价
quality.not_as_described logistics.slow_delivery | 等了一周才到，实物和图片还不一样
quality.defect_broken logistics.courier_attitude | 快递员态度差，东西还是坏的
logistics.shipping_fee quality.poor_effect | 运费比东西贵，东西也不好用
quality.defect_broken quality.smell | 鞋子开胶了，还有一股臭味
quality.size_fit quality.colour_difference | 码偏大，颜色也跟图片不一样
price.promotion logistics.slow_delivery | 赠品没送，发货还慢
quality service | 东西质量差，客服服务也差
quality.poor_effect service.attitude | 不好用，客服态度也不好
logistics.slow_delivery quality.poor_effect | 物流太慢，东西也一般，不保湿
quality.defect_broken service.warranty_repair | 用了一个月就坏，保修还推三阻四
logistics.tracking service.slow_response | 物流信息一直不动，客服也不回
quality.fake_or_expired price.overpriced | 怀疑是假货，价格还不便宜
logistics.damaged_parcel service.return_refund_hassle | 包裹摔烂了，退换还要自己拍视频举证，麻烦死了

# ---------- praise (no cause) ----------
- | 质量很好，穿着很舒服
- | 物流很快，第二天就到了
- | 客服态度很好，耐心解答问题
- | 东西收到了，很满意
- | 包装严实，没有破损
- | 颜色很正，跟图片一样
- | 尺码标准，穿着合身
- | 效果很好，会回购的
- | 味道很好闻，淡淡的清香
- | 手机运行很流畅，拍照清晰
- | 性价比很高，推荐购买
- | 宝贝很漂亮，孩子很喜欢
- | 发货速度快，包装也很用心
- | 做工精致，没有线头
- | 很好用，比之前买的好多了
- | 水果很新鲜，个头也大
- | 正品，专柜验过了
- | 好评，下次还来
- | 非常满意的一次购物
- | 快递小哥服务很好，送货上门
- | 卖家很贴心，还送了小礼物
- | 电脑速度很快，开机十几秒
- | 鞋子很舒服，走路不累
- | 面膜很补水，敷完脸很嫩
- | 杯子保温效果很好，一天都是热的
- | 衣服很显瘦，很喜欢
- | 东西不错，值这个价
- | 挺好的
- | 不错
- | 满意
- | 还可以
- | 很好
- | 五星好评
- | 物美价廉，物超所值
- | 客服回复很及时
- | 耳机音质很好，降噪也不错
- | 零食很好吃，孩子抢着吃
- | 床单很柔软，睡着很舒服
- | 玩具很结实，摔了好几次都没坏
- | 收到货了，和描述的一样
- | 三天就到了，包装完好
- | 卖家发货很快，物流也给力
- | 价格实惠，质量也好
- | 第二次回购了，一如既往的好
- | 朋友推荐的，果然没让我失望
- | 送给妈妈的，她很喜欢
- | 很划算，活动价买的
- | 东西很好，服务也好
- | 物流很给力，客服也耐心
- | 给老公买的，穿着很合适
- | 很香很好吃
- | 质量杠杠的
- | 真的很好用，推荐
- | 清洁力不错，洗完不紧绷
- | 屏幕很清晰，电池也耐用
- | 大小合适，颜色好看
- | 孩子穿着刚好，面料很软

# ---------- negated complaints and contrast (hard negatives) ----------
- | 物流不慢，两天就到了
- | 没有色差，和图片一模一样
- | 没有异味，可以放心用
- | 质量没问题，做工也好
- | 一点都不掉色，洗了好几次了
- | 不起球，很耐穿
- | 没有破损，包装很严实
- | 不是假货，专柜验证过
- | 不过敏，敏感肌也能用
- | 尺码不偏大也不偏小，刚好
- | 快递不算慢，三天到
- | 客服没有不耐烦，很好说话
- | 没有想象中那么差，还可以
- | 价格不贵，性价比挺高
- | 没有发错，和下单的一样
- | 用了一个月也没坏，很结实
- | 味道不刺鼻，很淡
- | 充电不慢，半小时充一半
- | 不卡顿，打游戏很流畅
- | 一点也不臭，还有淡淡香味
- | 之前担心会有色差，收到发现没有
- | 本来担心快递慢，结果第二天就到了
- | 以为会很小，结果大小正好
- | 怕不合适，结果刚刚好
- | 没有漏液，瓶子封得很好
- | 没有想象的难用，上手很快
- | 不会过敏，用着很温和
- | 包装虽然简单，但东西没坏

# ---------- contrast: only the complaint counts ----------
logistics.slow_delivery | 质量没问题，就是快递太慢了
quality.defect_broken | 客服态度很好，但是东西坏了
logistics.slow_delivery | 东西不错，就是物流太慢
quality.colour_difference | 物流很快，可惜有色差
quality.size_fit | 面料很好，就是尺码偏大
service.slow_response | 东西很好用，就是客服回复太慢
price.overpriced | 效果挺好，就是价格有点贵
logistics.damaged_parcel | 东西没问题，但是外包装都压坏了
quality.smell | 款式很喜欢，就是有点味道
quality.poor_effect | 颜值很高，可惜不太好用
logistics.courier_attitude | 商品很好，但是快递员态度很差
service.attitude | 衣服质量挺好，不过客服态度不太好
quality.defect_broken | 发货很快，不过收到有一个坏的
logistics.lost_or_missing | 东西挺好，但是少发了一个
logistics.wrong_item | 质量很好，可惜发错颜色了
price.price_drop | 东西很好，就是买完就降价了有点郁闷
price.promotion | 东西很好，可是赠品没给
quality.skin_reaction | 包装很精美，但是我用了过敏
service.return_refund_hassle | 东西不合适，退货流程太麻烦
logistics.slow_delivery | 虽然物流慢了点，但是东西很好
quality.poor_effect | 虽然价格便宜，但是真的不好用
logistics.tracking | 东西还没用，物流信息好几天不更新
logistics.slow_delivery | 宝贝挺好的就是发货有点慢
logistics.slow_delivery | 东西很好 物流太慢
quality.defect_broken | 快递很快 东西质量很差
quality.defect_broken | 外观很好看，就是用了两天就坏了
quality.size_fit | 鞋子很好看，就是有点磨脚
service.attitude | 东西没毛病，就是客服说话太难听
quality.fake_or_expired | 快递很快，但是收到的是临期货
price.overpriced | 挺好用的，就是比别家贵

# ---------- buyer's own reasons, questions, meta only (other) ----------
- | 差评
- | 给个差评
- | 不满意
- | 非常失望
- | 无语
- | 呵呵
- | 一星
- | 还没用，用了再追评
- | 还没试，不知道效果怎么样
- | 刚收到，还没拆
- | 买来送人的，不知道好不好
- | 帮朋友买的
- | 不知道是不是正品，还没验
- | 自己买错了，不是商品的问题
- | 是我自己选错尺码了，不怪商家
- | 买重复了，家里已经有一个
- | 不太会用，还在研究
- | 心情不好，随便评一下
- | 第一次买，看看效果
- | 默认好评
- | 嗯
- | 。。。。
- | 就那样吧
- | 再看看吧
- | 差评差评差评

# ---------- traditional Chinese ----------
quality.defect_broken | 收到的時候杯子已經裂開了，品質太差
logistics.slow_delivery | 物流太慢了，等了兩個禮拜才到
service.attitude | 客服態度很差，問問題都不理人
quality.colour_difference | 顏色跟圖片差很多，色差嚴重
quality.size_fit | 尺碼偏小，穿不下
logistics.slow_delivery | 東西不錯，就是運送太慢
quality.defect_broken | 客服態度很好，但是東西壞了
- | 品質很好，物流也很快，很滿意
- | 物流不慢，包裝也很完整
quality.smell | 味道很重，聞了頭暈
service.return_refund_hassle | 退貨很麻煩，還要自己付運費
logistics.wrong_item | 寄錯顏色了
quality.fake_or_expired | 收到的零食已經過期了
quality.poor_effect | 不好用，效果很差
price.overpriced | 價格太貴了，不值得
logistics.lost_or_missing | 少寄了一件商品
service.slow_response | 客服回覆很慢，等了很久

# ---------- emoji, typos, slang, no punctuation ----------
logistics.slow_delivery | 物流慢死了😡😡😡
quality.defect_broken | 坏的😭😭
- | 好评👍👍👍很喜欢
quality | 辣鸡东西👎
logistics.slow_delivery | 块递太慢了
quality | 垃级质量
service.slow_response | kf一直不回
logistics.slow_delivery | 物流慢慢慢慢慢
quality.defect_broken service.unresolved | 质量差刚用就坏了客服也不管
service.unresolved | 客服不管不问
logistics.slow_delivery quality.smell | 发货慢东西还有味道
quality.size_fit | 码子不准穿不了
quality.poor_effect | 一点用没有😤
logistics.slow_delivery | 等了好久好久才到🙄
quality.defect_broken | 收到就坏了，伐开心
- | 很满意😊物流也快
quality.poor_effect | 卡粉卡粉卡粉
quality.not_as_described | 跟图片完全不是一个东西，照骗
# ---------- more quality across domains: mild complaints in medium reviews ----------
quality.size_fit | 衣服还行，就是有点小，建议拍大一码
quality.size_fit | 鞋子有点紧，穿久了脚背疼
quality.size_fit | 裤子有点长，要拿去改
quality.size_fit | 帽子有点松，风一吹就掉
quality.size_fit | 手套太大了，戴着不灵活
quality.size_fit | 外套袖子有点短，胳膊抬起来就露手腕
quality.size_fit | 腰围偏大，要系皮带才能穿
quality.size_fit | 内裤太紧了，勒得难受
quality.size_fit | 童鞋偏小，孩子穿着挤脚
quality.size_fit | 枕套比枕头小，套不进去
quality.not_as_described | 面霜就一小罐，用不了几次
quality.not_as_described | 一盒才十片，量太少了
quality.not_as_described | 比想象的小很多，跟图片上的比例不一样
quality.not_as_described | 样子和宣传图差别很大
quality.not_as_described | 说是加大号，实际和普通的一样大
quality.not_as_described | 牛肉干一包没几块，全是包装
quality.not_as_described | 标称续航一天，实际半天就没电
quality.not_as_described | 卖家写的是纯羊毛，烧了一下明显是化纤
quality.poor_effect | 粉底有点干，上脸会卡粉
quality.poor_effect | 质地有点厚，推不开
quality.poor_effect | 乳液有点油，夏天用太闷
quality.poor_effect | 口红有点干，涂完嘴唇起皮
quality.poor_effect | 面膜纸太薄了，一扯就破
quality.poor_effect | 洗面奶泡沫太少，洗不干净
quality.poor_effect | 眼线笔太硬了，画不出来
quality.poor_effect | 睫毛膏太干了，刷不上去
quality.poor_effect | 隔离霜假白，脖子和脸两个颜色
quality.poor_effect | 气垫粉扑有点粗糙，上妆不均匀
quality.poor_effect | 卸妆巾太干了，擦不掉妆
quality.poor_effect | 精油按摩完皮肤黏黏的，一点都不清爽
quality.poor_effect | 香皂洗完皮肤紧绷，太干了
quality.poor_effect | 眉笔太淡了，画半天没颜色
quality.poor_effect | 粉饼不够细腻，一擦就浮粉
quality.poor_effect | 口红不持久，喝口水就没了
quality.poor_effect | 防晒喷雾喷头太大，喷得到处都是
quality.poor_effect | 发膜用完头发还是很毛躁
quality.poor_effect | 护发精油太油了，头发一天就塌
quality.poor_effect | 牙膏味道太冲，刷完嘴里发麻
quality.poor_effect | 饼干太硬了，老人咬不动
quality.poor_effect | 蛋糕太干了，噎得慌
quality.poor_effect | 辣条太辣，根本吃不了
quality.poor_effect | 茶叶泡出来很淡，没什么茶味
quality.poor_effect | 奶茶粉冲出来一股香精味，不好喝
quality.poor_effect | 芒果不够甜，还有点酸
quality.poor_effect | 螺蛳粉汤太淡了，不够味
quality.poor_effect | 大米煮出来不香，口感很一般
quality.poor_effect | 面包有点干，不够松软
quality.poor_effect | 西瓜不甜，瓤都是白的
quality.poor_effect | 手机拍照有点模糊，夜景噪点很多
quality.poor_effect | 耳机有点漏音，戴久了耳朵疼
quality.poor_effect | 充电宝充电太慢了，充一晚上都没满
quality.poor_effect | 蓝牙音箱声音有点小，低音也不够
quality.poor_effect | 鼠标有点滑，握着不舒服
quality.poor_effect | 键盘手感一般，按键声音太响
quality.poor_effect | 显示器有漏光，暗场看得很明显
quality.poor_effect | 平板反应有点迟钝，点了半天才有反应
quality.poor_effect | 游戏本风扇声太大，像飞机起飞
quality.poor_effect | 电脑用了半年越来越慢
quality.poor_effect | 路由器信号穿墙很差，隔一堵墙就没信号
quality.poor_effect | 电热水壶烧水太慢，还有塑料味
quality.poor_effect | 吹风机风力太小，吹半天还是湿的
quality.poor_effect | 电风扇风力太弱，开最大档也不凉快
quality.poor_effect | 烤箱温度不准，烤什么都糊
quality.poor_effect | 扫地机器人老是卡在桌腿那里
quality.poor_effect | 空气炸锅不均匀，一面焦一面生
quality.poor_effect | 被子不够暖和，冬天盖着冷
quality.poor_effect | 毛巾不吸水，擦完身上还是湿的
quality.poor_effect | 沙发坐垫太软，坐久了腰疼
quality.poor_effect | 拖鞋太滑了，浴室里差点摔倒
quality.poor_effect | 保鲜膜粘不住碗，一扯就乱
quality.poor_effect | 垃圾袋太薄了，一装东西就破
quality.poor_effect | 牙刷毛太硬，刷得牙龈出血
quality.poor_effect | 运动鞋鞋底太硬，跑步震脚
quality.poor_effect | 羽绒服充绒量太少，一点都不暖和
quality.poor_effect | 裙子面料有点透，要穿打底
quality.poor_effect | T恤洗了一次就变形，领口松了
quality.poor_effect | 毛衣有点扎，贴身穿会痒
quality.poor_effect | 雨衣不防水，下雨全湿透
quality.poor_effect | 书包背带太细，背着勒肩膀
quality.poor_effect | 猫粮猫咪不爱吃，闻了一下就走了
quality.poor_effect | 狗玩具不耐咬，十分钟就咬烂了
quality.poor_effect | 玩具车遥控距离太短，跑远一点就不动
quality.poor_effect | 拼图太难拼了，切口不清楚
quality.poor_effect | 绘本纸张太薄，印刷也模糊
quality.poor_effect | 笔写着不顺，老断墨
quality.defect_broken | 收到的碗有个缺口，不敢用
quality.defect_broken | 裤子有一处脱线，线头一扯就开
quality.defect_broken | 鞋跟有点歪，走路不稳
quality.defect_broken | 杯盖密封圈掉了，一倒就洒
quality.defect_broken | 耳机充电仓充不进电
quality.defect_broken | 台灯用了一周就一闪一闪的
quality.defect_broken | 手环屏幕不亮了，才戴了半个月
quality.defect_broken | 吸尘器电池鼓包了
quality.defect_broken | 插座插上就跳闸，吓死人
quality.defect_broken | 收到的桌子螺丝孔打歪了，装不上
quality.defect_broken | 衣柜门板有裂痕，关不严
quality.defect_broken | 书有好几页印刷重影，还有缺页
quality.defect_broken | 玩具的电池盖一拧就坏了
quality.defect_broken | 化妆镜支架松动，立不起来
quality.defect_broken | 粉盒的扣子扣不上
quality.defect_broken | 眼影盘有两个色碎了
quality.defect_broken | 指甲油瓶子漏了，流得盒子里都是
quality.defect_broken | 面霜盖子拧不紧，放包里全漏了
quality.defect_broken | 喷雾瓶按不下去，喷不出来
quality.defect_broken | 电动牙刷用一个月就不转了
quality.defect_broken | 刀片有缺口，刮得脸上都是小口子
quality.defect_broken | 收到的镜子有裂纹
quality.defect_broken | 椅子坐了一个月就塌了
quality.defect_broken | 手表表镜有划痕，是次品
quality.smell | 有点味道，放阳台散了几天还有
quality.smell | 口红有股蜡笔味
quality.smell | 面膜有股酒精味，闻着不舒服
quality.smell | 洗发水味道太浓了，熏得头晕
quality.smell | 衣服有股刺鼻的化学味
quality.smell | 拖鞋一股塑料味
quality.smell | 收纳箱味道很大，不敢放衣服
quality.smell | 新床垫有异味，开窗通风一周了还有
quality.smell | 咖啡豆有股焦糊味
quality.smell | 狗粮闻着有股哈喇味
quality.skin_reaction | 涂完脸上有点刺痛，不敢再用了
quality.skin_reaction | 用了两次额头冒了好多痘
quality.skin_reaction | 面膜敷完脸发烫，泛红了一整天
quality.skin_reaction | 身体乳擦完身上起小红点，很痒
quality.skin_reaction | 染发剂用完头皮刺痛起疙瘩
quality.skin_reaction | 戴这个耳环耳朵发炎了
quality.skin_reaction | 孩子吃了这个辅食起疹子
quality.skin_reaction | 猫咪吃了这个猫粮软便拉稀
quality.skin_reaction | 唇膏涂了嘴唇干裂脱皮
quality.fake_or_expired | 生产日期都快一年了，不新鲜
quality.fake_or_expired | 香水留香不到半小时，跟专柜的差远了，怀疑不是正品
quality.fake_or_expired | 保质期只剩一个月了
quality.fake_or_expired | 面膜过期了还在卖
quality.fake_or_expired | 葡萄有一半是烂的
quality.fake_or_expired | 车厘子不新鲜，好多都软了
quality.fake_or_expired | 酸奶胀袋了，肯定变质了
quality.fake_or_expired | 手机序列号查不到，是翻新机
quality.fake_or_expired | 包装上的批号被刮掉了，不敢用
quality.colour_difference | 颜色有点暗，和图片差不少
quality.colour_difference | 口红涂出来偏橘，和试色不一样
quality.colour_difference | 腮红颜色太深了，上脸像高原红
quality.colour_difference | 沙发套颜色发黄，不是图上的白色
quality.colour_difference | 鞋子颜色偏粉，跟图片的米色差很多
quality.packaging | 包装太随意了，盒子都是瘪的二手盒
quality.packaging | 礼盒有点旧，送人不好意思
quality.packaging | 产品没有塑封，不知道有没有被打开过
quality | 一般般吧，没有宣传的那么好
quality | 质量很一般，对不起这个牌子
quality | 用起来感觉一般，不会再买了
quality | 说不上哪里不好，就是感觉不值
quality | 不太行，凑合用吧
quality | 有点失望，东西不太好
quality | 很一般，不推荐
quality | 不怎么样
quality | 不好
quality | 真的很差劲
quality | 不太满意，东西有点问题
quality | 东西有问题
quality | 做工有点粗糙

# ---------- more logistics ----------
logistics.slow_delivery | 下单一周了还没发货，问了说没货了
logistics.slow_delivery | 物流有点慢，等了五天
logistics.slow_delivery | 发货有点慢，不过东西还行
logistics.slow_delivery | 快递在一个地方停了三天，到手都一星期了
logistics.slow_delivery | 说的当天发，结果第三天才发
logistics.slow_delivery | 发货太磨蹭了，催了才发
logistics.slow_delivery | 冷链生鲜走了四天，到的时候冰袋都化了
logistics.slow_delivery | 物流速度慢，跟别家比差远了
logistics.slow_delivery | 年货快过年才到
logistics.slow_delivery | 快递速度太慢了，同城都要三天
logistics.damaged_parcel | 箱子被压得变形了，里面的盒子也瘪了
logistics.damaged_parcel | 快递太暴力，玻璃瓶碎了好几个
logistics.damaged_parcel | 收到的时候外箱全湿了，里面的纸盒都泡烂了
logistics.damaged_parcel | 运输途中摔坏了，屏幕都裂了
logistics.damaged_parcel | 快递袋破了好几个洞
logistics.damaged_parcel | 包裹被压扁了，蛋糕全压变形了
logistics.damaged_parcel | 外包装一看就是被摔过的，里面东西都撞坏了
logistics.damaged_parcel | 物流太粗暴了，泡沫箱碎成渣
logistics.lost_or_missing | 订单显示已签收，问了家人和驿站都没有
logistics.lost_or_missing | 快递员说送到了，但是我根本没收到
logistics.lost_or_missing | 买了一套，收到少了一个盖子
logistics.lost_or_missing | 包裹一直没到，物流说丢件了
logistics.lost_or_missing | 下单两份只到了一份
logistics.lost_or_missing | 快递被别人拿错了，找了好几天
logistics.wrong_item | 买的S码寄来的是L码
logistics.wrong_item | 要的是蓝色，给我发了个粉色
logistics.wrong_item | 收到的口味和下单的不一样
logistics.wrong_item | 发货发错了型号，充电口都不一样
logistics.wrong_item | 寄来的是别人的东西
logistics.tracking | 物流显示已发货，可是三天了一直没揽收
logistics.tracking | 物流信息一直停在发货地
logistics.tracking | 快递单号是假的，根本查不到
logistics.tracking | 显示派送中两天了，没人联系我
logistics.courier_attitude | 快递员直接放驿站，打电话也不接
logistics.courier_attitude | 派送员态度很差，说话很冲
logistics.courier_attitude | 快递小哥让我自己去网点拿
logistics.courier_attitude | 送货的师傅把箱子扔在门口就走了，也不说一声
logistics.courier_attitude | 快递员不打招呼就放快递柜，超时还要收费
logistics.shipping_fee | 运费太高了，买个小东西运费十几块
logistics.shipping_fee | 退货运费还要自己出，不包邮真坑
logistics | 这次的快递体验很不好
logistics | 物流不行

# ---------- more service ----------
service.attitude | 问了几个问题客服就不耐烦了
service.attitude | 客服说话很不客气，像是我欠他的
service.attitude | 售后态度很差，一直说不是他们的问题
service.attitude | 卖家态度冷淡，问什么都是嗯
service.attitude | 买之前客服很热情，买之后就变了个人
service.attitude | 客服骂人，还把我拉黑了
service.slow_response | 客服半天不回，问个尺码等了一下午
service.slow_response | 售后消息从来不回
service.slow_response | 找客服一直是机器人自动回复
service.slow_response | 发了三天消息都没人理
service.slow_response | 客服回复太慢，等不及就去别家买了
service.return_refund_hassle | 申请换货，客服一直拖着不处理
service.return_refund_hassle | 退货要自己寄回，运费还不给报销
service.return_refund_hassle | 商品有问题要退款，卖家一直不同意
service.return_refund_hassle | 退款流程太繁琐了，来回寄了两次
service.return_refund_hassle | 说好退款，到现在钱还没到
service.unresolved | 反映的问题没人处理，客服只会说抱歉
service.unresolved | 找客服解决问题，一直推给快递
service.unresolved | 商家承诺的补发一直没发
service.unresolved | 问题说了三遍了，还是没解决
service.warranty_repair | 电视坏了报修，等了两周才有人上门
service.warranty_repair | 保修期内坏了，售后还要收检测费
service.warranty_repair | 修好没几天又坏了，售后就是敷衍

# ---------- more price ----------
price.price_drop | 刚下单就降价了，差了三十块
price.price_drop | 第二天同款便宜了二十，不给保价
price.price_drop | 活动过后价格反而更低了，买亏了
price.price_drop | 同样的东西超市比这便宜
price.promotion | 下单时说有赠品，收到什么都没有
price.promotion | 满减活动没算上，多付了钱
price.promotion | 说好的好评返现没返
price.promotion | 优惠券领了用不了
price.overpriced | 挺好的，就是价格有点贵
price.overpriced | 东西不错，价格偏高
price.overpriced | 这么点东西卖这么贵
price.overpriced | 性价比不高，不如别的牌子
price.overpriced | 效果还可以，但是对于这个价格来说一般
price.overpriced | 小贵，不过质量还行
price.overpriced | 价格比较贵，学生党慎入

# ---------- more multi-label ----------
quality.poor_effect logistics.slow_delivery | 发货慢，面霜也不怎么保湿
quality.smell logistics.damaged_parcel | 外包装破了，里面的东西还一股怪味
quality.defect_broken service.slow_response | 用了三天就坏了，找客服也不回
quality.size_fit service.return_refund_hassle | 尺码不对，想换货还要自己出运费
logistics.lost_or_missing service.unresolved | 少发了一件，客服说会补发，到现在也没有
logistics.slow_delivery service.attitude | 物流太慢，催了一下客服还不耐烦
quality.fake_or_expired logistics.slow_delivery | 等了一周才到，水果还是烂的
price.overpriced quality.poor_effect | 太贵了，效果也一般
quality.colour_difference service.attitude | 有色差，客服还说是我手机的问题
logistics.wrong_item service.return_refund_hassle | 发错颜色了，换货还让我自己寄回去
quality.skin_reaction service.attitude | 用了过敏，客服说是我皮肤的问题，态度很差
logistics.damaged_parcel quality.poor_effect | 箱子被压坏了，东西也不好用
quality.defect_broken logistics.courier_attitude | 快递员把东西扔门口，拿回家发现是坏的
price.promotion service.unresolved | 赠品没给，找客服也不处理

# ---------- more hard negatives ----------
- | 物流很快，隔天就到
- | 发货速度很快，包装也很仔细
- | 客服很耐心，帮我选了合适的尺码
- | 质量很好，没有线头，也没有异味
- | 颜色跟图片一样，没有色差
- | 码数很准，按平时的买刚好
- | 用了一个月了，没有过敏，皮肤变好了
- | 不卡，不发烫，续航也够用
- | 手机运行很流畅，电池也耐用
- | 鞋子很轻，走路一点都不累
- | 面膜很服帖，敷完很水润
- | 粉底很服帖，不卡粉也不浮粉
- | 水果很甜，一个坏的都没有
- | 零食很新鲜，日期很近
- | 床单洗了不掉色，也不起球
- | 比实体店便宜，还是正品
- | 退货很顺利，客服很快就处理了
- | 换货很方便，快递上门取件
- | 一点都不贵，很划算
- | 没有想象中难吃，还挺好吃的
- | 物流不算快，但是也不慢
- | 虽然是预售，但是提前发货了
- | 一开始担心尺码，结果很合适
- | 之前怕买到假货，验了是正品
- | 客服没有催我好评，很良心
- | 不是很懂怎么用，问了客服马上就会了
- | 买来送男朋友的，他说很喜欢
- | 颜值很高，放在家里很好看
- | 孩子很喜欢，每天都要玩
- | 很好用，已经推荐给朋友了
- | 性价比很高，这个价格很值
- | 包装很精美，送人很有面子
- | 用着很顺手，比之前那个好
- | 香味很淡，很好闻
- | 挺结实的，应该能用很久
- | 做工不错，细节处理得很好
- | 屏幕很清晰，看视频很舒服
- | 声音很大，音质也好
- | 充电很快，半小时就充满了
- | 还没用，看着还不错
- | 刚到，还没来得及试
- | 等用了再来追评
- | 快递员很负责，送货上门还帮忙搬上楼
- | 活动买的很划算
- | 包装完好无损，东西也没问题
- | 整体很满意，下次还会光顾
- | 给五星，卖家人很好
- | 老顾客了，一直在这家买
- | 嗯嗯不错
- | 好
- | 很好很好
- | 可以的
# ---------- returns mentioned without a service complaint ----------
quality.defect_broken | 收到就是坏的，已经申请退货了
quality.poor_effect | 不好用，退了
quality.size_fit | 尺码偏小，换了大一码
quality.defect_broken | 换了一个还是同样的问题
quality | 质量太差，已退货
quality.smell | 味道太大，退货了
- | 退货很快，客服也很好说话
- | 换货很顺利，两天就收到新的了
`;

package io.mmq.app.generate;

import java.util.List;

/**
 * The words and sentence templates of one language. Templates hold placeholders that {@link
 * TextComposer} fills: {@code {Q}}/{@code {q}} a quality word (capitalised or not), {@code
 * {C}}/{@code {c}} a clickbait word, {@code {N}} a neutral word, {@code {Y}} a year, {@code {D}} a
 * small count, {@code {P}} a percentage, {@code {T}} a number in thousands, {@code {O}} an
 * organisation and {@code {R}} a person.
 */
record Lexicon(
    String code,
    List<String> qualityWords,
    List<String> clickbaitWords,
    List<String> neutralWords,
    List<String> topics,
    List<String> highTitles,
    List<String> lowTitles,
    List<String> highTags,
    List<String> lowTags,
    List<String> highSentences,
    List<String> lowSentences,
    List<String> highQuotes,
    List<String> lowQuotes,
    List<String> headings,
    List<String> listItems,
    List<String> captions,
    List<String> organisations,
    List<String> people,
    String sentenceJoiner) {

  static final Lexicon ENGLISH =
      new Lexicon(
          "en",
          List.of(
              "analysis",
              "study",
              "evidence",
              "report",
              "review",
              "research",
              "investigation",
              "interview",
              "history",
              "insight",
              "survey",
              "lessons",
              "data",
              "guide"),
          List.of(
              "shocking",
              "unbelievable",
              "secret",
              "insane",
              "crazy",
              "viral",
              "epic",
              "miracle",
              "trick",
              "stunning",
              "weird",
              "hack",
              "omg",
              "must-see"),
          List.of(
              "city",
              "market",
              "river",
              "energy",
              "school",
              "football",
              "coffee",
              "election",
              "battery",
              "garden",
              "railway",
              "music",
              "harbour",
              "bakery",
              "hospital",
              "library",
              "satellite",
              "vaccine",
              "wheat",
              "housing"),
          List.of(
              "science",
              "business",
              "sport",
              "culture",
              "politics",
              "technology",
              "health",
              "travel",
              "food",
              "climate"),
          List.of(
              "{Q} of the {N} {N} in {Y}: {q} from {D} regions",
              "What the {N} {N} tells us: a {q} of {D} years",
              "The {N} and the {N}: {q} and {q} since {Y}",
              "{Q}: how the {N} {N} changed after {Y}",
              "A {q} of {N} prices across {D} towns"),
          List.of(
              "{C}! This {N} {c} will blow your mind!!!",
              "You won't believe this {c} {N} {c}!",
              "{C} {N} {c}: number {D} is {c}!",
              "OMG! The {c} {N} {c} everyone is sharing!",
              "{C}!!! {N} fans go {c}"),
          List.of(
              "in-depth", "research", "explainer", "data", "long-read", "analysis", "interview"),
          List.of("viral", "trending", "omg", "must-see", "wow", "lol", "shocking"),
          List.of(
              "According to a {Y} report by the {O}, the {N} {N} grew by {P} percent over {D}"
                  + " months.",
              "Researchers measured {D} {N} samples in {D} regions and compared them with records"
                  + " from {Y}.",
              "The figures suggest that the {N} {N} depends less on prices than on long-term {N}"
                  + " planning.",
              "In {Y}, the {O} counted {T} visitors, {P} percent more than in the year before.",
              "Local officials said the {N} project would cost about {T} euros and take {D} years"
                  + " to complete.",
              "Critics argue that the estimates leave out the effect of {N} policy on smaller"
                  + " towns.",
              "Over the last {D} years the share of {N} spending rose from {P} to {P} percent.",
              "Why did the {N} {N} slow down after {Y}, when the {O} had expected growth?"),
          List.of(
              "Wow!",
              "This is crazy!",
              "You have to see this!",
              "Can you believe it?",
              "Nobody saw this coming!",
              "Share this now!",
              "Unreal!",
              "What happens next is {c}!",
              "Is this the best {N} ever?",
              "Look at this {N}!",
              "Incredible!",
              "So {c}!"),
          List.of(
              "\"We looked at {D} {N} records from {Y} to {Y},\" said {R} of the {O}.",
              "\"The {N} figures are clearer than we expected,\" said {R}, who led the {q}.",
              "\"Nobody should read too much into a single year of {N} data,\" said {R}."),
          List.of(
              "\"OMG this {N} is so {c}!!!\" wrote one fan.",
              "\"Best {N} ever!!!\" said everyone."),
          List.of(
              "What the numbers show",
              "Why the {N} matters",
              "{Q}: the {N} {N}",
              "How the {q} was done"),
          List.of(
              "{P} percent of {N} {N} are older than {D} years.",
              "The {O} publishes its {N} figures every {D} months.",
              "Costs rose to {T} euros in {Y}.",
              "{D} of {D} {N} sites met the target."),
          List.of("Figure {D}: {N} {N} in {Y}", "The {N} at the {O}", "{N} {N}, {Y}"),
          List.of(
              "National Statistics Office",
              "University of Leeds",
              "Regional Energy Agency",
              "Harbour Research Institute",
              "City Council",
              "Institute for Fiscal Studies"),
          List.of(
              "Anna Keller",
              "Tomas Berg",
              "Priya Nair",
              "Lucas Moreau",
              "Grace Okafor",
              "Daniel Ruiz"),
          " ");

  static final Lexicon CHINESE =
      new Lexicon(
          "zh",
          List.of("深度", "分析", "研究", "报告", "数据", "解读", "调查", "评论", "访谈", "历史"),
          List.of("震惊", "必看", "疯传", "惊人", "竟然", "秘密", "神奇", "火爆", "吓人", "绝了"),
          List.of(
              "城市", "市场", "能源", "学校", "足球", "咖啡", "电池", "花园", "铁路", "音乐", "港口", "医院", "图书馆", "卫星",
              "小麦", "住房"),
          List.of("科学", "商业", "体育", "文化", "政治", "科技", "健康", "旅游", "美食", "气候"),
          List.of(
              "{Q}：{N}{N}的{q}（{Y}年）",
              "{N}与{N}：{D}年来的{q}与{q}",
              "{Q}｜{N}{N}在{Y}年后怎样改变",
              "{D}个地区的{N}价格{q}"),
          List.of(
              "{C}！{N}{c}，看完{c}！", "{C}！这个{N}{c}你绝对想不到", "{C}{N}{c}，{D}万人都转发了！", "{C}！！{N}竟然这样{c}"),
          List.of("深度", "研究", "数据", "长文", "解读", "访谈"),
          List.of("热门", "必看", "疯传", "搞笑", "震惊", "围观"),
          List.of(
              "根据{O}{Y}年的报告，{N}{N}在{D}个月内增长了{P}%。",
              "研究人员在{D}个地区测量了{D}份{N}样本，并与{Y}年的记录进行了比较。",
              "数据显示，{N}{N}更多取决于长期的{N}规划，而不是价格。",
              "{Y}年，{O}统计到{T}名访客，比前一年多{P}%。",
              "{O}表示，该{N}项目预计耗资约{T}元，需要{D}年完成。",
              "批评者认为，这些估算忽略了{N}政策对小城镇的影响。",
              "为什么{N}{N}在{Y}年之后放缓了？"),
          List.of(
              "太惊人了！", "快看！", "你绝对想不到！", "这也太{c}了吧？", "赶紧转发！", "简直不敢相信！", "看完我惊呆了！", "这是最好的{N}吗？"),
          List.of("“我们研究了{Y}年到{Y}年的{D}份{N}记录，”{O}的{R}说。", "“{N}的数据比我们预想的更清楚，”负责这项{q}的{R}说。"),
          List.of("“这个{N}太{c}了！！！”一位网友写道。", "“史上最好的{N}！！！”大家都说。"),
          List.of("数据说明了什么", "为什么{N}很重要", "{Q}：{N}{N}", "这项{q}是怎样做的"),
          List.of("{P}%的{N}{N}已超过{D}年。", "{O}每{D}个月公布一次{N}数据。", "{Y}年成本升至{T}元。"),
          List.of("图{D}：{Y}年的{N}{N}", "{O}的{N}"),
          List.of("国家统计局", "北京大学", "能源研究所", "城市规划院", "复旦大学"),
          List.of("王磊", "李娜", "陈静", "张伟", "刘洋"),
          "");
}

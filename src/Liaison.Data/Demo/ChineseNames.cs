namespace Liaison.Data.Demo;

/// <summary>Plausible generated Chinese names: common surnames by rough frequency, and given-name characters.</summary>
public static class ChineseNames
{
    // The hundred most common surnames, most frequent first; drawn with a falling weight.
    private const string Surnames = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤";
    private const string MaleChars = "伟刚勇毅俊峰强军平保东文辉力明永健世广志义兴良海山仁波宁贵福生龙元全国胜学祥才发武新利清飞彬富顺信子杰涛昌成康星光天达安岩中茂进林有坚和彪博诚先敬震振壮会思群豪心邦承乐绍功松善厚庆磊民友裕河哲江超浩亮政谦亨奇固之轮翰朗伯宏言若鸣朋斌梁栋维启克伦翔旭鹏泽晨辰士以建家致树炎德行时泰盛雄琛钧冠策腾楠榕风航弘";
    private const string FemaleChars = "秀娟英华慧巧美娜静淑惠珠翠雅芝玉萍红娥玲芬芳燕彩春菊兰凤洁梅琳素云莲真环雪荣爱妹霞香月莺媛艳瑞凡佳嘉琼勤珍贞莉桂娣叶璧璐娅琦晶妍茜秋珊莎锦黛青倩婷姣婉娴瑾颖露瑶怡婵雁蓓纨仪荷丹蓉眉君琴蕊薇菁梦岚苑婕馨瑗琰韵融园艺咏卿聪澜纯毓悦昭冰爽琬茗羽希宁欣飘育滢馥筠柔竹霭凝晓欢霄枫芸菲寒伊亚宜可姬舒影荔枝思丽";

    public static string Surname(SeededRandom rng)
    {
        // Squaring a uniform number favours the front of the list, as real frequencies do.
        var u = rng.NextDouble();
        return Surnames[(int)(u * u * Surnames.Length)].ToString();
    }

    public static string Full(SeededRandom rng, bool female)
    {
        var chars = female ? FemaleChars : MaleChars;
        var given = rng.Chance(0.7)
            ? string.Concat(chars[rng.Next(chars.Length)], chars[rng.Next(chars.Length)])
            : chars[rng.Next(chars.Length)].ToString();
        return Surname(rng) + given;
    }

    /// <summary>A mobile number in the 140 range, which China assigns to data-only IoT cards: no person answers it.</summary>
    public static string FakeMobile(SeededRandom rng) => "140" + rng.Next(100_000_000).ToString("D8", System.Globalization.CultureInfo.InvariantCulture);
}

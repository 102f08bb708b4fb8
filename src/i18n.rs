//! The app's own interface strings in both languages. Texts from a data set are not here: they
//! carry their own `zh`/`en` (see `atlas_core::Text`).

use atlas_core::Lang;

/// One interface string in both languages.
#[derive(Clone, Copy, Debug)]
pub struct Ui {
    pub zh: &'static str,
    pub en: &'static str,
}

impl Ui {
    pub fn get(self, lang: Lang) -> &'static str {
        match lang {
            Lang::Zh => self.zh,
            Lang::En => self.en,
        }
    }
}

macro_rules! ui {
    ($($name:ident = $zh:literal, $en:literal;)*) => {
        $(pub const $name: Ui = Ui { zh: $zh, en: $en };)*
    };
}

ui! {
    APP_NAME = "论证地图", "Argument Atlas";
    SKIP_TO_GRAPH = "跳到关系图", "Skip to the graph";
    LANGUAGE = "语言", "Language";
    TIMELINE = "时间线", "Timeline";
    GRAPH = "关系图", "Graph";
    DETAILS = "详情", "Details";
    NOTHING_SELECTED = "在关系图或时间线中选择一项（节点、连线或事件），即可查看原文出处。", "Select something in the graph or the timeline (a node, a link's line, an event) to see what the text says.";
    SOURCES = "原文出处", "What the text says";
    OUTSIDE_FACT = "文外信息", "Outside fact";
    EXACT_DATE_FROM = "确切日期来源（非原文）", "Exact date from outside the text";
    DATE = "日期", "Date";
    ACTOR = "行为体", "Actor";
    OFFICIAL_TITLE = "正式标题", "Official title";
    RELATED = "相关节点", "Related nodes";
    EVENTS_OF_NODE = "相关事件", "Events";
    CLEAR_SELECTION = "清除选择", "Clear selection";
    ZOOM_IN = "放大", "Zoom in";
    ZOOM_OUT = "缩小", "Zoom out";
    FIT = "适合窗口", "Fit to screen";
    WHOLE_SPAN = "全部年份", "All years";
    ONLY_YEAR = "年", "only";
    PREVIOUS_EVENT = "上一事件", "Previous event";
    NEXT_EVENT = "下一事件", "Next event";
    LEGEND = "图例与筛选", "Legend and filter";
    SEARCH = "搜索节点", "Search nodes";
    SEARCH_PLACEHOLDER = "中文或英文", "Chinese or English";
    NO_MATCH = "没有匹配的节点", "No matching node";
    LAYOUT = "布局", "Layout";
    LAYOUT_FORCE = "力导向", "Force";
    LAYOUT_ARGUMENT = "论证结构", "Argument";
    COUNTERED_BY = "应对它的措施", "Responses that address it";
    COUNTERS = "它应对的威胁", "Threats it addresses";
    UNCOUNTERED = "原文未给出应对措施", "No response in the text addresses this threat";
    VIA = "经由", "via";
    ERROR_TITLE = "出错了", "Something went wrong";
    ERROR_WHAT_NEXT = "请重新加载页面。如果问题仍然存在，请把下面的信息发给维护者。", "Reload the page. If it happens again, send the text below to the maintainers.";
    RELOAD = "重新加载", "Reload";
    DATA_PROBLEMS = "数据集有问题，未能加载", "The data set has problems and was not loaded";
    PINNED = "已固定（双击或按 U 取消）", "pinned (double-click or press U to release)";
    GRAPH_HELP = "Tab 键进入关系图，方向键在相邻节点间移动，Enter 选择，Esc 清除选择，U 取消固定。", "Tab into the graph, arrow keys move between neighbours, Enter selects, Escape clears, U releases a pinned node.";
    TIMELINE_HELP = "←/→ 按日期顺序切换事件，Shift+←/→ 平移，+/− 缩放，Enter 选择。", "←/→ step through events in date order, Shift+←/→ pans, +/− zoom, Enter selects.";
    PRESENT = "演示导览", "Present the tour";
    TOUR_STEP = "步骤", "Step";
    TOUR_PROGRESS = "导览进度", "Tour progress";
    SPEAKER_NOTES = "演讲者备注", "Speaker notes";
    PREVIOUS_STEP = "上一步", "Previous step";
    NEXT_STEP = "下一步", "Next step";
    FULLSCREEN = "全屏", "Fullscreen";
    END_TOUR = "结束演示", "End the tour";
    BLANKED = "屏幕已暂时黑屏，按 B 或 . 恢复。", "The screen is blanked. Press B or . to show it again.";
    DISMISS = "关闭", "Dismiss";
    NOTICES = "提示", "Notices";
    EXPORT_SVG = "导出 SVG", "Export SVG";
    EXPORT_PNG = "导出 PNG", "Export PNG";
    EXPORT_JSON = "下载数据集 (JSON)", "Download data set (JSON)";
    SHARE = "分享", "Share";
    SHARE_TITLE = "分享当前视图", "Share this view";
    SHARE_LINK = "链接（打开后即为当前视图）", "Link (opens exactly this view)";
    SHARE_EMBED = "嵌入代码（课程网站、博客）", "Embed code (course site, blog)";
    COPY = "复制", "Copy";
    CLOSE = "关闭", "Close";
    OPEN_NEW_TAB = "在新标签页中打开", "Open in a new tab";
    PROJECTOR_THEME = "投影主题", "Projector theme";
    FOCUS_HINT = "点击此处即可使用键盘或翻页器", "Click here to use the keyboard or a clicker";
    OPEN_DATA = "打开数据集…", "Open a data set…";
    BACK_TO_BUILT_IN = "返回内置文章", "Back to the built-in article";
    SHOWING_OWN_DATA = "正在显示你的数据集", "Showing your data set";
    SAVE_ONE_FILE = "另存为单个 HTML 文件", "Save as one HTML file";
    SAVE_ONE_FILE_WITH_SOURCE = "另存为单个 HTML 文件（含原文）", "Save as one HTML file, with the source text";
    SHARE_NEEDS_FILE = "此解读来自你电脑上的文件，链接无法携带它：打开链接的人看到的将是内置文章。请将其另存为单个 HTML 文件（离线可用，可上传至课程网站），再分享该文件。", "This reading was opened from a file on your computer, and a link cannot carry it: whoever opens a link would see the built-in article. Save it as one HTML file (it works offline and can be uploaded to a course site) and share that file.";
    SHARE_FROM_FILE = "此页面是从文件打开的：课程网站无法通过链接嵌入它。请上传单个 HTML 文件（“更多”→“另存为单个 HTML 文件”）并链接到上传后的地址。", "This page was opened from a file, so a course site cannot frame it by a link: upload the one HTML file (More → Save as one HTML file) and link to where it is uploaded.";
    DOWNLOAD_SAVED = "下载已保存的副本", "Download the saved copy";
    FORGET_SAVED = "删除已保存的副本", "Forget the saved copy";
    KEYBOARD_HELP = "键盘操作 (?)", "Keyboard help (?)";
    MENU = "更多", "More";
    GRAPH_CANVAS = "关系图画布", "graph canvas";
    INFERRED_LINK = "经中间节点推断的关联", "inferred through intermediate nodes";
    STATED = "原文所述", "Stated in the text";
    INFERRED = "本应用推断（非作者论断）", "Inferred by this app (not the author's claim)";
    OUR_READING = "制图者的解读", "The map-maker's reading";
    OUR_READING_NOTE = "原文未明言此关联", "the text does not state this link";
    TRANSLATION = "译文", "Translation";
    CLOSE_QUOTE = "关闭引文", "Close the quote";
    SPEAKER_WORDS = "说话人原话（原文之外）", "The speaker's own words (outside the text)";
    OFFICIAL_NAME = "正式名称（原文之外）", "Official title (outside the text)";
    IN_CONTEXT = "原文段落", "The passage quoted";
    OUR_TRANSLATION = "本数据的译文，非原文", "Our translation, not the text's words";
    BACK = "返回", "Back";
    GROUP = "分组", "Group";
    NODES_IN_GROUP = "本组节点", "Nodes in this group";
    SEARCH_MATCHES = "在关系图中标出", "marked in the graph";
    CLEAR_SEARCH = "清除搜索", "Clear search";
    SHOW_GRAPH = "关系图", "Graph";
    SHOW_TIMELINE = "时间线", "Timeline";
    READ_AS_LISTS = "以列表阅读", "Read as lists";
    COPIED = "已复制", "Copied";
    SHARE_LANGUAGE = "语言", "Language";
    SHARE_VIEW = "显示内容", "Show";
    SHARE_BOTH = "关系图与时间线", "Graph and timeline";
    SHARE_TOUR = "从导览步骤开始", "Start at tour step";
    SHARE_NO_TOUR = "不开始导览", "No tour";
    SHARE_HEIGHT = "框架高度（像素）", "Frame height (px)";
    STAGE = "阶段", "Stage";
    PRESENTER_VIEW = "演讲者视图", "Presenter view";
    PRESENTER_TITLE = "演讲者视图", "Presenter view";
    ELAPSED = "已用时间", "Elapsed";
    CLOCK_NOW = "现在", "Now";
    PRESENTER_KEYS = "翻页器或键盘：→ / PageDown 下一步，← / PageUp 上一步，Home / End 第一步 / 最后一步。黑屏、全屏和退出在投影窗口中操作。", "Clicker or keyboard: → / PageDown next, ← / PageUp back, Home / End first / last step. Blanking, fullscreen and leaving are on the projected window.";
    NEXT_UP = "接下来", "Next";
    TOUR_ENDED = "演示已结束", "The tour has ended";
    LAST_STEP = "这是最后一步", "This is the last step";
    NEXT_REVEALS = "下一次按键显示", "The next press reveals";
    PRINT_HANDOUT = "打印讲义", "Print handout";
    NO_EVENTS = "此解读没有带日期的事件。", "This reading has no dated events.";
    // The ways into the editor.
    NEW_READING = "新建解读", "New reading";
    EDIT_READING = "编辑此解读", "Edit this reading";
}

/// The editor's own strings, in its build only (`editor` feature).
#[cfg(feature = "editor")]
pub mod editor {
    use super::Ui;

    ui! {
        EDITOR = "编辑器", "Editor";
        RETURN_TO_DRAFT = "回到草稿", "Return to your draft";
        UNDO = "撤销", "Undo";
        REDO = "重做", "Redo";
        SAVE_DRAFT = "将草稿保存为文件", "Save the draft as a file";
        OPEN_DRAFT = "打开草稿文件…", "Open a draft file…";
        DRAFT_FILE = "草稿文件", "Draft file";
        REPLACE_DRAFT = "替换草稿", "Replace it";
        KEEP_DRAFT = "保留我的草稿", "Keep my draft";
        CLOSE_EDITOR = "关闭编辑器", "Close the editor";
        CLOSE_EDITOR_SHORT = "关闭", "Close";
        GO_TO = "转到…", "Go to…";
        SECTIONS = "编辑器的各部分", "Sections of the editor";
        SOURCE_TEXT = "原文", "Source text";
        PASTE_SOURCE = "粘贴原文（纯文本或 Markdown）。段落以空行分隔并自动编号，除非每段以自己的定位符开头，如 [p. 12]。", "Paste the source text (plain text or Markdown). Passages are separated by blank lines and numbered, unless each starts with its own locator, such as [p. 12].";
        OPEN_SOURCE_FILE = "打开文本文件…", "Open a text file…";
        PASSAGES = "原文段落", "Passages of the source";
        SELECT_TO_CITE = "点击一句或拖选文字，用来引用或新建项目。", "Click a sentence or drag over words to cite them or make an item.";
        TALLER_PASSAGES = "加高原文窗格", "Taller passages pane";
        FIND_IN_TEXT = "在原文中查找文字", "Find words in the text";
        FIND_NEXT_HINT = "找到即选中；输入引文的首尾几个词，中间用省略号（首词……尾词，或 ...），即选中两者之间的全部文字；只有首词和省略号（首词……）选到该句末尾，只有省略号和尾词（……尾词）从该句开头选起；Enter：下一处",
            "found words are selected; a quote's first and last words with an ellipsis between (first words ... last words) select everything from the one to the other; first words and an ellipsis (first words ...) select them to the end of their sentence, an ellipsis and last words (... last words) from its start; Enter: the next place";
        FIND_NEXT_SHORT = "首词……（尾词）；Enter：下一处", "first ... (last); Enter: next";
        NOT_IN_TEXT = "原文中没有这些文字（大小写和空白不计）。", "These words are not in the text (case and white space aside).";
        SELECT_IN_ONE = "所选文字跨越了多个段落：一条引文只能出自一个段落。", "The selection runs across passages: a quote comes from one passage.";
        CLEAR_PICK = "清除所选文字", "Clear the selected words";
        CLEAR_PICK_SHORT = "清除", "Clear";
        CITE_SELECTION = "引用所选文字", "Cite the selection";
        MAKE_FROM_PICK = "用它新建：", "Make from it:";
        FIRST_PROBLEM = "转到第一个问题", "Go to the first problem";
        FIRST_PROBLEM_SHORT = "第一个问题", "First problem";
        PICKED_WORDS = "所选文字", "The selected words";
        NEW_NODE = "新节点", "New node";
        NEW_LINK = "新关系", "New link";
        NEW_EVENT = "新事件", "New event";
        TYPE_A_QUOTE = "或输入引文", "Or type a quote";
        LOCATOR = "定位符", "Locator";
        QUOTE = "引文", "Quote";
        ADD_QUOTE = "添加此引文", "Add this quote";
        QUOTES = "引文", "Quotes";
        REMOVE = "删除", "Remove";
        READING = "解读信息", "The reading";
        LANGUAGES = "语言", "Languages";
        TITLE = "标题", "Title";
        AUTHOR = "作者", "Author";
        YEAR = "年份", "Year";
        CITATION = "引用格式", "Citation";
        THESIS = "论点", "Thesis";
        THESIS_NODES = "论点涉及的节点（id）", "Nodes the thesis is about (ids)";
        PRINCIPLES = "支撑论证的原则（节点 id）", "Principles holding the argument up (node ids)";
        MODELS = "作为范例的节点（id）", "Models (node ids)";
        IDS_HINT = "以空格或逗号分隔的 id", "ids separated by spaces or commas";
        ID = "id", "id";
        ID_HINT = "小写字母、数字和连字符，如 visible-reciprocity", "lower-case letters, digits and hyphens, such as visible-reciprocity";
        KIND = "类型", "Kind";
        LABEL = "名称", "Label";
        SUMMARY = "摘要", "Summary";
        GROUP_ID = "分组（id）", "Group (id)";
        ALIASES = "别名，以分号分隔", "Other names, separated by semicolons";
        LINK_FROM = "从（节点）", "From (node)";
        LINK_TO = "到（节点）", "To (node)";
        RELATION = "关系", "Relation";
        BASIS = "依据", "Basis";
        NOTE = "说明", "Note";
        DATE_HINT = "2019、2019-05 或 2019-05-14", "2019, 2019-05 or 2019-05-14";
        ACTOR = "行为体（节点）", "Actor (node)";
        ACTORS_AND_PERSONS = "行为体与人物", "Actors and persons";
        OTHER_NODES = "其他节点", "Other nodes";
        NO_NODE = "（未选节点）", "(no node chosen)";
        CHOOSE_NODE_TO_ADD = "选择要添加的节点…", "Choose a node to add…";
        CHOOSE_EVENT_TO_ADD = "选择要添加的事件…", "Choose an event to add…";
        ADD_TO_LIST = "添加", "Add";
        ITEM_NODES = "相关节点（id）", "Nodes (ids)";
        STEP_TEXT = "讲解", "Text";
        STEP_EVENTS = "相关事件（id）", "Events (ids)";
        REVEAL = "节点显示方式", "Nodes appear";
        PRESENT_STEP = "演示这一步", "Present this step";
        SPEAKER_NOTES = "演讲者备注", "Speaker notes";
        NODES_SECTION = "节点", "Nodes";
        LINKS_SECTION = "关系", "Links";
        EVENTS_SECTION = "事件", "Events";
        TOUR_SECTION = "导览步骤", "Tour steps";
        GROUPS_SECTION = "分组", "Groups";
        ADD_NODE = "添加节点", "Add a node";
        ADD_LINK = "添加关系", "Add a link";
        DRAW_LINK = "从此节点画一条关系", "Draw a link from this node";
        STOP_CHOOSING = "停止选择", "Stop choosing";
        CHOOSE_IN_GRAPH = "在关系图中选择", "Choose in the graph";
        CHOOSE_IN_TIMELINE = "在时间线中选择", "Choose in the timeline";
        ADD_EVENT = "添加事件", "Add an event";
        NONE_IN_LIST = "（还没有）", "(none yet)";
        NO_EVENTS_YET = "还没有事件：用“新事件”或“添加事件”添加的事件会显示在这里。", "No events yet: an event you add (New event, or Add an event) shows here.";
        ADD_STEP = "添加导览步骤", "Add a tour step";
        ADD_GROUP = "添加分组", "Add a group";
    }
}

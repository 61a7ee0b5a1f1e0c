/* cadregraph network explorer: token login, person search, Cytoscape.js network with units as
 * compound nodes, findings highlighted, evidence paths, supervision chain, rotation candidates.
 * Plain JS, no framework; all text goes through textContent (never innerHTML). */
"use strict";

(function () {
  const TOKEN_KEY = "cadregraph.token";
  const $ = (id) => document.getElementById(id);
  const TYPE_ZH = {
    Person: "人员", Post: "职位", Unit: "单位", Region: "行政区划", Assessment: "考核",
    Training: "培训", KIN: "亲属", HOLDS: "任职", IN_UNIT: "所属单位", PART_OF: "隶属",
    REPORTS_TO: "直接领导", OVERSEES: "分管", IN_REGION: "所在区划", WITHIN: "上级区划",
    GREW_UP_IN: "成长地", REGULATES: "监管", ASSESSED: "考核", TRAINED: "培训",
    RECOMMENDS: "推荐", INSPECTS: "考察", VOTES_ON: "表决", DECIDES: "决定",
    VOUCHES_FOR: "证明人", LEADS: "领导",
  };
  const FIELD_ZH = {
    id: "人员编码", name: "姓名", gender: "性别", birth_date: "出生年月", id_number: "身份证号",
    ethnicity: "民族", native_place: "籍贯", birthplace: "出生地", grew_up_in: "成长地",
    party: "政治面貌", education: "学历", work_start: "参加工作", retirement_date: "到龄年月",
    masked: "已隐藏",
  };
  let cy = null;
  let me = null;
  let current = null;

  function token() { return sessionStorage.getItem(TOKEN_KEY) || ""; }

  async function api(path, params) {
    const url = new URL(path, window.location.origin);
    for (const [k, v] of Object.entries(params || {})) {
      if (Array.isArray(v)) v.forEach((x) => url.searchParams.append(k, x));
      else if (v !== undefined && v !== null && v !== "") url.searchParams.set(k, v);
    }
    const res = await fetch(url, { headers: { Authorization: "Bearer " + token() } });
    const body = await res.json().catch(() => ({}));
    if (!res.ok) {
      const err = new Error(body.detail || body.title || res.statusText);
      err.status = res.status;
      throw err;
    }
    return body;
  }

  function setState(state) { document.body.dataset.state = state; }
  function status(text) { $("graph-status").textContent = text; }
  function clear(el) { while (el.firstChild) el.removeChild(el.firstChild); }
  function li(text, onClick, cls) {
    const item = document.createElement("li");
    item.textContent = text;
    if (cls) item.className = cls;
    if (onClick) item.addEventListener("click", () => onClick(item));
    return item;
  }

  /* ---------- login ---------- */
  async function login() {
    const value = $("token").value.trim();
    if (value) sessionStorage.setItem(TOKEN_KEY, value);
    try {
      me = await api("/me");
    } catch (e) {
      sessionStorage.removeItem(TOKEN_KEY);
      $("login-error").textContent = e.status === 401 ? "令牌无效或已吊销" : "登录失败：" + e.message;
      return;
    }
    $("login-error").textContent = "";
    $("login-panel").hidden = true;
    $("search-panel").hidden = false;
    $("logout").hidden = false;
    $("whoami").textContent = me.name + "（" + roleZh(me.role) + "）";
    setState("search");
  }

  function roleZh(role) {
    return { viewer: "查看", planner: "规划", supervisor: "监督", admin: "管理员" }[role] || role;
  }

  function logout() {
    sessionStorage.removeItem(TOKEN_KEY);
    window.location.reload();
  }

  /* ---------- search ---------- */
  async function search() {
    const q = $("q").value.trim();
    const list = $("results");
    clear(list);
    $("search-status").textContent = "查找中…";
    try {
      const page = await api("/persons", { q: q, limit: 20 });
      $("search-status").textContent = "共 " + page.total + " 人" +
        (page.total > page.items.length ? "，显示前 " + page.items.length + " 人" : "");
      for (const p of page.items) {
        const text = p.name + "（" + p.id + "）" + (p.cadre ? "" : " · 亲属");
        list.appendChild(li(text, (item) => {
          for (const x of list.children) x.classList.remove("active");
          item.classList.add("active");
          openPerson(p.id);
        }));
      }
    } catch (e) {
      $("search-status").textContent = "查找失败：" + e.message;
    }
  }

  /* ---------- the graph ---------- */
  function makeCy() {
    if (cy) cy.destroy();
    cy = cytoscape({
      container: $("cy"),
      wheelSensitivity: 0.3,
      style: [
        { selector: "node", style: { label: "data(label)", "font-size": 10, "text-valign": "bottom",
            "text-margin-y": 3, "background-color": "#999", width: 22, height: 22,
            "text-wrap": "ellipsis", "text-max-width": 90 } },
        { selector: 'node[type="Person"]', style: { "background-color": "#3b6fb6" } },
        { selector: 'node[?relative]', style: { "background-color": "#8fb0dd" } },
        { selector: 'node[type="Post"]', style: { shape: "round-rectangle",
            "background-color": "#4a9a5b", width: 28, height: 18 } },
        { selector: 'node[type="Unit"]', style: { shape: "round-rectangle",
            "background-color": "#eeeeee", "border-width": 1, "border-color": "#999" } },
        { selector: ":parent", style: { "text-valign": "top", "font-weight": "bold",
            "background-opacity": 0.5, padding: 10 } },
        { selector: 'node[type="Region"]', style: { shape: "diamond", "background-color": "#b58b3c" } },
        { selector: ".subject", style: { width: 34, height: 34, "font-weight": "bold",
            "font-size": 12 } },
        { selector: "edge", style: { width: 1.5, "line-color": "#bbb", "curve-style": "bezier",
            "target-arrow-shape": "triangle", "target-arrow-color": "#bbb", "arrow-scale": 0.7,
            label: "data(tlabel)", "font-size": 8, color: "#666",
            "text-rotation": "autorotate" } },
        { selector: 'edge[type="KIN"]', style: { "line-color": "#7a5bb5",
            "target-arrow-color": "#7a5bb5" } },
        { selector: 'edge[type="LEADS"]', style: { "line-color": "#d98c00",
            "target-arrow-color": "#d98c00", "line-style": "dashed", width: 2 } },
        { selector: ".finding", style: { "border-width": 3, "border-color": "#e00" } },
        { selector: ".evidence", style: { "border-width": 5, "border-color": "#ff0",
            "overlay-color": "#f00", "overlay-opacity": 0.15, "z-index": 10 } },
        { selector: "edge.evidence", style: { "line-color": "#e00", "target-arrow-color": "#e00",
            width: 4, "overlay-opacity": 0.1 } },
        { selector: ".faded", style: { opacity: 0.25 } },
      ],
      elements: [],
    });
    window.cy = cy;
    cy.on("tap", "node", (ev) => {
      const d = ev.target.data();
      if (d.type === "Person") status(d.label + "（" + d.id.split("/")[1] + "）：双击查看其关系网络");
      else status(TYPE_ZH[d.type] + "：" + d.label);
    });
    cy.on("dbltap", 'node[type="Person"]', (ev) => openPerson(ev.target.id().split("/")[1]));
  }

  function addElements(elements) {
    const fresh = [];
    for (const el of elements) {
      const d = el.data;
      if (cy.getElementById(d.id).nonempty()) continue;
      if (el.group === "edges") {
        d.tlabel = d.type === "KIN" ? (d.relation || TYPE_ZH.KIN) :
          (d.type === "LEADS" ? (d.label || TYPE_ZH.LEADS) : (TYPE_ZH[d.type] || d.type));
      }
      fresh.push(el);
    }
    // nodes before edges; parents must exist before children
    const nodes = fresh.filter((e) => e.group === "nodes");
    const ids = new Set(nodes.map((n) => n.data.id));
    for (const n of nodes) {
      if (n.data.parent && !ids.has(n.data.parent) && cy.getElementById(n.data.parent).empty()) {
        delete n.data.parent;
      }
    }
    nodes.sort((a, b) => (a.data.parent ? 1 : 0) - (b.data.parent ? 1 : 0));
    cy.add(nodes);
    cy.add(fresh.filter((e) => e.group === "edges" &&
      cy.getElementById(e.data.source).nonempty() && cy.getElementById(e.data.target).nonempty()));
  }

  function layout() {
    cy.layout({ name: "cose", animate: false, nodeRepulsion: () => 9000, idealEdgeLength: () => 70,
      padding: 20, randomize: false }).run();
  }

  /* ---------- a person ---------- */
  async function openPerson(id) {
    current = id;
    setState("loading");
    makeCy();
    status("载入中…");
    const asOf = $("as-of").value || undefined;
    const depth = $("depth").value;
    try {
      const [person, elements] = await Promise.all([
        api("/persons/" + encodeURIComponent(id)),
        api("/persons/" + encodeURIComponent(id) + "/network", { depth: depth, as_of: asOf,
          format: "cytoscape", types: ["KIN", "HOLDS", "IN_UNIT", "OVERSEES", "REPORTS_TO"] }),
      ]);
      if (current !== id) return;
      showPerson(person);
      addElements(elements);
      cy.getElementById("person/" + id).addClass("subject");
      await Promise.all([loadChain(id, asOf), loadFindings(id, asOf), loadCandidates(id, asOf)]);
      if (current !== id) return;
      layout();
      cy.fit(undefined, 30);
      status("共 " + cy.nodes().length + " 个节点、" + cy.edges().length + " 条关系");
      setState("ready");
    } catch (e) {
      status("载入失败：" + e.message);
      setState("error");
    }
  }

  function showPerson(p) {
    $("person-panel").hidden = false;
    $("person-title").textContent = p.name + "（" + p.id + "）";
    const dl = $("person-fields");
    clear(dl);
    for (const [k, v] of Object.entries(p)) {
      if (v === null || v === undefined || k === "extra" || k === "relative" ||
          (Array.isArray(v) && !v.length) || (typeof v === "object" && !Array.isArray(v))) continue;
      const dt = document.createElement("dt");
      dt.textContent = FIELD_ZH[k] || k;
      const dd = document.createElement("dd");
      dd.textContent = Array.isArray(v) ? v.map((x) => FIELD_ZH[x] || x).join("、") : String(v);
      dl.append(dt, dd);
    }
  }

  async function loadChain(id, asOf) {
    const list = $("chain");
    clear(list);
    try {
      const [rep, elements] = await Promise.all([
        api("/chain/person/" + encodeURIComponent(id), { as_of: asOf }),
        api("/chain/person/" + encodeURIComponent(id), { as_of: asOf, format: "cytoscape" }),
      ]);
      addElements(elements);
      $("chain-panel").hidden = false;
      if (!rep.chains.length) list.appendChild(li("当日无任职，无监督链"));
      for (const c of rep.chains) {
        for (const s of [c.start, ...c.chain]) {
          const who = s.holders.map((p) => rep.names[p] || p).join("、") || "空缺";
          list.appendChild(li(s.label + "：" + who + (s.acting ? "（代理）" : "")));
        }
      }
    } catch (e) {
      $("chain-panel").hidden = false;
      list.appendChild(li("监督链不可用：" + e.message));
    }
  }

  async function loadFindings(id, asOf) {
    const list = $("findings");
    clear(list);
    $("evidence").hidden = true;
    if (!me || me.permissions.indexOf("findings") < 0) {
      $("findings-panel").hidden = false;
      $("findings-count").textContent = "";
      list.appendChild(li("当前角色无权查看问题线索"));
      return;
    }
    const rep = await api("/findings", { person: id, as_of: asOf });
    $("findings-panel").hidden = false;
    $("findings-count").textContent = "（" + rep.total + " 条）";
    if (!rep.findings.length) list.appendChild(li("未发现问题"));
    for (const f of rep.findings) {
      addEvidence(f);
      for (const p of f.persons) cy.getElementById("person/" + p).addClass("finding");
      for (const p of f.posts) cy.getElementById("post/" + p).addClass("finding");
      const text = "【" + (f.severity === "must" ? "必须" : "应当") + "】" + (f.title || f.rule) +
        "：" + f.persons.map(nameOf).join("、");
      list.appendChild(li(text, (item) => {
        for (const x of list.children) x.classList.remove("active");
        item.classList.add("active");
        showEvidence(f);
      }, "finding-item sev-" + f.severity));
    }
  }

  function nameOf(personId) {
    const n = cy.getElementById("person/" + personId);
    return n.nonempty() ? n.data("label") : personId;
  }

  /* evidence steps may name nodes and edges outside the drawn network: add them */
  function addEvidence(f) {
    const els = [];
    for (const ev of f.evidence) {
      if (ev.kind === "node") {
        els.push({ group: "nodes", data: { id: ev.id, type: ev.type, label: ev.label || ev.id } });
      }
    }
    for (const ev of f.evidence) {
      if (ev.kind === "edge" && ev.source && ev.target) {
        const child = cy.getElementById(ev.source);
        if (ev.type === "IN_UNIT" && child.nonempty() && child.data("parent") === ev.target) {
          continue; // shown by the nesting
        }
        for (const end of [ev.source, ev.target]) {
          if (!els.some((e) => e.data.id === end)) {
            els.push({ group: "nodes", data: { id: end, type: typeOfKey(end),
              label: end.slice(end.indexOf("/") + 1) } });
          }
        }
        els.push({ group: "edges", data: { id: ev.id, source: ev.source, target: ev.target,
          type: ev.type, relation: ev.label } });
      }
    }
    addElements(els);
    for (const el of els) {
      const id = el.data.id;
      const [kind, bare] = [id.split("/")[0], id.slice(id.indexOf("/") + 1)];
      if ((kind === "unit" || kind === "post") && el.data.label === bare) nameNode(kind, bare);
    }
  }

  async function nameNode(kind, bare) {
    const key = kind + "/" + bare;
    const node = cy.getElementById(key);
    if (node.empty() || node.data("named")) return;
    node.data("named", true);
    try {
      const body = await api("/" + kind + "s/" + encodeURIComponent(bare));
      const label = kind === "unit" ? body.unit.name : body.unit + body.post.title;
      cy.getElementById(key).data("label", label);
    } catch (e) { /* keep the id */ }
  }

  function typeOfKey(key) {
    const t = key.split("/")[0];
    return t.charAt(0).toUpperCase() + t.slice(1);
  }

  function showEvidence(f) {
    cy.elements().removeClass("evidence").addClass("faded");
    const path = $("evidence-path");
    clear(path);
    for (const ev of f.evidence) {
      const el = cy.getElementById(ev.id);
      el.removeClass("faded").addClass("evidence");
      if (ev.kind === "edge") el.connectedNodes().removeClass("faded");
      const what = ev.kind === "edge" ? "→ " + (ev.label || TYPE_ZH[ev.type] || ev.type) :
        (TYPE_ZH[ev.type] || ev.type) + "：" + (ev.label || ev.id);
      path.appendChild(li(what));
    }
    $("evidence").hidden = false;
    $("evidence-title").textContent = (f.title || f.rule) + "（" + f.rule + "）";
    $("evidence-detail").textContent = [f.relation, f.category, f.detail].filter(Boolean).join("；");
    $("evidence-citation").textContent = f.citation;
    const shown = cy.elements(".evidence");
    if (shown.nonempty()) cy.animate({ fit: { eles: shown, padding: 60 } }, { duration: 300 });
    setState("evidence");
  }

  async function loadCandidates(id, asOf) {
    const list = $("candidates");
    clear(list);
    try {
      const rep = await api("/rotation/candidates", { person: id, as_of: asOf, limit: 10 });
      $("rotation-panel").hidden = false;
      if (!rep.candidates.length) list.appendChild(li(rep.note || "暂无候选职位"));
      for (const c of rep.candidates) {
        list.appendChild(li((c.eligible ? "✓ " : "✗ ") + c.post + "（得分 " + c.score + "）"));
      }
    } catch (e) {
      $("rotation-panel").hidden = !(e.status === 403);
      if (e.status === 403) list.appendChild(li("当前角色无权查看交流规划"));
    }
  }

  /* ---------- start ---------- */
  document.addEventListener("DOMContentLoaded", () => {
    $("as-of").value = new Date().toISOString().slice(0, 10);
    $("login").addEventListener("click", login);
    $("token").addEventListener("keydown", (e) => { if (e.key === "Enter") login(); });
    $("search").addEventListener("click", search);
    $("q").addEventListener("keydown", (e) => { if (e.key === "Enter") search(); });
    $("logout").addEventListener("click", logout);
    if (typeof cytoscape === "undefined") {
      status("缺少 Cytoscape.js：请运行 bash scripts/build_ui.sh");
      return;
    }
    makeCy();
    if (token()) login();
  });
})();

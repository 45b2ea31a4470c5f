// The interface's words: French first, English when the page asks for it (config.lang).

const MESSAGES = {
  motion: ['Motion', 'Motion'],
  mindmap: ['Carte mentale', 'Mind map'],
  projector: ['Projection', 'Projector'],
  organiserPage: ['Page des organisateur·rices', "Organisers' page"],
  otherLanguage: ['English', 'Français'],
  otherLanguageCode: ['en', 'fr'],
  mainNav: ['Navigation du congrès', 'Congress navigation'],
  skip: ['Aller au contenu', 'Skip to content'],
  // connection
  connected: ['Connecté', 'Connected'],
  connecting: ['Connexion…', 'Connecting…'],
  reconnecting: ['Reconnexion…', 'Reconnecting…'],
  offline: ['Hors ligne', 'Offline'],
  unsent: ['{n} modification non envoyée', '{n} unsent change'],
  unsentMany: ['{n} modifications non envoyées', '{n} unsent changes'],
  keptHere: ['elles sont gardées dans ce navigateur', 'they are kept in this browser'],
  readOnly: ['Lecture seule', 'Read only'],
  refused: ['Accès refusé : rouvrez votre lien d’invitation', 'Access refused: open your invitation link again'],
  // presence
  present: ['Présents', 'Here now'],
  you: ['vous', 'you'],
  on_site: ['sur place', 'on site'],
  remote: ['à distance', 'remote'],
  organiser: ['organisation', 'organiser'],
  participant: ['participant·e', 'participant'],
  observer: ['observateur·rice', 'observer'],
  writingIn: ['écrit dans « {where} »', 'writing in “{where}”'],
  onMotion: ['sur la motion', 'on the motion'],
  onMindmap: ['sur la carte', 'on the map'],
  onProjector: ['écran de projection', 'projector screen'],
  // motion
  editorLabel: ['Texte de la motion (Markdown)', 'Motion text (Markdown)'],
  preview: ['Aperçu', 'Preview'],
  outline: ['Plan', 'Outline'],
  outlineEmpty: ['Pas encore d’axe : commencez une ligne par « ## ».', 'No axis yet: start a line with “## ”.'],
  motionEmpty: ['La motion est encore vide.', 'The motion is still empty.'],
  undo: ['Annuler', 'Undo'],
  redo: ['Rétablir', 'Redo'],
  undoHint: ['Annule seulement vos propres modifications', 'Undoes only your own edits'],
  beginning: ['début du texte', 'start of the text'],
  axis: ['Axe {n}', 'Axis {n}'],
  proposal: ['Proposition {n}', 'Proposal {n}'],
  // mind map
  mapLabel: ['Carte mentale du congrès', 'The congress mind map'],
  centralSubject: ['Sujet central', 'Central subject'],
  newIdea: ['Nouvelle idée', 'New idea'],
  addChild: ['Ajouter une sous-branche', 'Add a sub-branch'],
  addSibling: ['Ajouter une branche sœur', 'Add a sibling'],
  rename: ['Renommer', 'Rename'],
  remove: ['Supprimer', 'Delete'],
  colour: ['Couleur', 'Colour'],
  defaultColour: ['couleur de la branche', 'branch colour'],
  collapse: ['Replier', 'Collapse'],
  expand: ['Déplier', 'Expand'],
  moveUp: ['Monter', 'Move up'],
  moveDown: ['Descendre', 'Move down'],
  zoom: ['Zoom', 'Zoom'],
  zoomIn: ['Zoom avant', 'Zoom in'],
  zoomOut: ['Zoom arrière', 'Zoom out'],
  recentre: ['Recentrer', 'Recentre'],
  toMotion: ['Carte → plan de la motion', 'Map → motion outline'],
  branchToMotion: ['Branche → plan de la motion', 'Branch → motion outline'],
  outlineAdded: ['Plan ajouté à la fin de la motion.', 'Outline added at the end of the motion.'],
  nodeRenamed: ['Renommé : {label}', 'Renamed: {label}'],
  nodeDeleted: ['Supprimé : {label}', 'Deleted: {label}'],
  cannotMove: ['Impossible : une branche ne peut pas aller sous elle-même.', 'Not possible: a branch cannot go under itself.'],
  hiddenChildren: ['{n} repliés', '{n} folded'],
  renameLabel: ['Nouveau nom du nœud', 'New name of the node'],
  mapToolbar: ['Outils de la carte', 'Map tools'],
  shortcuts: [
    'Clavier : Tab sous-branche · Entrée branche sœur · F2 renommer · Suppr supprimer · Alt+flèches déplacer · Espace replier · + − zoom',
    'Keyboard: Tab sub-branch · Enter sibling · F2 rename · Delete delete · Alt+arrows move · Space fold · + − zoom'
  ],
  // the contributions behind a node (mindmap/linked.js)
  linkedTitle: ['{label} : {n} contribution(s) liée(s)', '{label}: {n} linked contribution(s)'],
  linkedCount: ['{n} contribution(s) liée(s)', '{n} linked contribution(s)'],
  linkedHidden: [
    '{n} autre(s) : visibles après la clôture des contributions.',
    '{n} more: visible once contributions have closed.'
  ],
  linkedUnavailable: ['Contributions indisponibles pour l’instant.', 'Contributions unavailable for now.'],
  loading: ['Chargement…', 'Loading…'],
  closePanel: ['Fermer', 'Close'],
  axisLabel: ['Axe', 'Axis'],
  // projector
  fullScreen: ['Plein écran', 'Full screen'],
  showMap: ['Afficher la carte', 'Show the map'],
  showMotion: ['Afficher la motion', 'Show the motion'],
  projectorHint: ['M : carte / motion · F : plein écran', 'M: map / motion · F: full screen']
}

let current = 'fr'

export function setLanguage (lang) {
  current = lang === 'en' ? 'en' : 'fr'
  document.documentElement.lang = current
}

export function language () {
  return current
}

/** The message `key` in the page's language, with `{name}` placeholders filled from `values`. */
export function t (key, values = {}) {
  const pair = MESSAGES[key]
  if (!pair) throw new Error(`no message ${key}`)
  const text = pair[current === 'en' ? 1 : 0]
  return text.replace(/\{(\w+)\}/g, (_, name) => String(values[name] ?? ''))
}

/** "1 modification non envoyée" / "3 modifications non envoyées". */
export function plural (one, many, n) {
  return t(n === 1 ? one : many, { n: new Intl.NumberFormat(current).format(n) })
}

"""The one import point for Qt (as Anki's ``aqt.qt``): everything the GUI uses."""

# ruff: noqa: F401
import sys
from types import ModuleType
from typing import TYPE_CHECKING, Any

import PySide6.QtCore
import PySide6.QtGui
import PySide6.QtWidgets
from shiboken6 import isValid as is_valid

if TYPE_CHECKING:  # the names this package uses; at run time each is looked up on first use
    from PySide6.QtCore import (
        QAbstractTableModel,
        QByteArray,
        QCollator,
        QCoreApplication,
        QDate,
        QEvent,
        QItemSelectionModel,
        QKeyCombination,
        QLibraryInfo,
        QLocale,
        QLockFile,
        QModelIndex,
        QObject,
        QPersistentModelIndex,
        QPoint,
        QPointF,
        QRegularExpression,
        QRunnable,
        QSettings,
        QSize,
        QSocketNotifier,
        QSortFilterProxyModel,
        QStringListModel,
        Qt,
        QThread,
        QThreadPool,
        QTimer,
        QTranslator,
        QUrl,
        Signal,
        Slot,
    )
    from PySide6.QtGui import (
        QAction,
        QBrush,
        QColor,
        QFont,
        QIcon,
        QKeyEvent,
        QKeySequence,
        QRegularExpressionValidator,
        QUndoCommand,
        QUndoStack,
    )
    from PySide6.QtWidgets import (
        QAbstractItemDelegate,
        QAbstractItemView,
        QAbstractSpinBox,
        QApplication,
        QCheckBox,
        QComboBox,
        QCompleter,
        QDateEdit,
        QDialog,
        QDialogButtonBox,
        QDockWidget,
        QDoubleSpinBox,
        QFileDialog,
        QFormLayout,
        QFrame,
        QGroupBox,
        QHBoxLayout,
        QHeaderView,
        QLabel,
        QLineEdit,
        QListWidget,
        QListWidgetItem,
        QMainWindow,
        QMenu,
        QMessageBox,
        QPlainTextEdit,
        QProgressBar,
        QProgressDialog,
        QPushButton,
        QScrollArea,
        QSpinBox,
        QSplitter,
        QStackedWidget,
        QStyle,
        QStyledItemDelegate,
        QTabBar,
        QTableView,
        QToolBar,
        QToolButton,
        QToolTip,
        QTreeWidget,
        QTreeWidgetItem,
        QVBoxLayout,
        QWidget,
    )


_MODULES = (PySide6.QtWidgets, PySide6.QtGui, PySide6.QtCore)


def __getattr__(name: str) -> Any:
    """A Qt class or function, resolved on first import from here.

    Each Qt class costs ~0.5 ms the first time it is looked up (PySide
    initialises its type lazily): 84 names took 43 ms before the first paint,
    although the window needs about half of them to paint; dialogs' classes are
    now looked up when a dialog is first opened.
    """
    for module in _MODULES:
        value = getattr(module, name, None)
        if value is not None:
            globals()[name] = value  # later imports find it directly
            return value
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def _skip_pyside_source_scan() -> None:
    """Stop PySide's import hook reading the source of every module imported after Qt.

    PySide (PYSIDE-2029) decides whether a newly imported module may use
    ``from __feature__ import ...`` by reading its whole source with
    ``inspect.getsource`` and looking for "PySide6"; linecache then keeps
    every source file: ~18 MB resident for SQLAlchemy, Babel, jsonschema and
    the rest loaded after the window painted, and the time to read them.
    No library imported after Qt uses PySide, and nothing here uses
    ``__feature__``: only this package's own modules are still scanned.
    """
    feature = sys.modules.get("shibokensupport.feature")
    scan = getattr(feature, "_mod_uses_pyside", None)
    if scan is None or getattr(scan, "eccp_narrowed", False):
        return  # another PySide version: nothing to narrow

    def own_modules_only(module: ModuleType) -> bool:
        return bool(module.__name__.startswith("eccp_desktop") and scan(module))

    own_modules_only.eccp_narrowed = True  # type: ignore[attr-defined]
    feature._mod_uses_pyside = own_modules_only  # type: ignore[union-attr]


_skip_pyside_source_scan()


def _skip_pyside_import_hook() -> None:
    """Give Python's import back its own ``__import__`` once Qt is loaded.

    PySide routes every ``import`` statement executed afterwards (3 500 while
    SQLAlchemy loads, and each function-level import each time it runs)
    through two Python functions of its ``__feature__`` support, which only
    matter to a module that writes ``from __feature__ import snake_case``.
    No module here does (tests/test_architecture.py), and no feature is
    selected (checked below): the hook would only cost ~5 % of the
    instructions of loading the store (issue 16). PySide's own lazy import,
    which the hook calls next, stays in place.
    """
    import builtins

    feature = sys.modules.get("shibokensupport.feature")
    chosen = getattr(feature, "pyside_feature_dict", None)
    hook = getattr(builtins, "__feature_import__", None)
    after = getattr(builtins, "__orig_import__", None)
    if chosen is None or hook is None or after is None or builtins.__import__ is not hook:
        return  # another PySide version: leave its import alone
    if any(flag not in (0, -1) for flag in chosen.values()):
        return  # someone selected a feature: it needs the hook
    builtins.__import__ = after


_skip_pyside_import_hook()

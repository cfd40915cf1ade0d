-- The HR demo's employee table: the Shenzhen branch (深圳分公司, team SZ under 销售管理部 SM) as its HR system
-- keeps it, which the hr connector reads over ODBC (job hr_table in config/hub.xml; scripts/run.sh loads this
-- file into var/hr_demo.db). Chinese and English column names side by side, as such tables have them; the
-- connector renames the English ones (department_code, manager_employee_number, ...) to the export's headers.
-- Plain SQL that SQLite and PostgreSQL both run (the hr connector's tests load it into both).
CREATE TABLE hr_employees (
  id INTEGER PRIMARY KEY,
  "工号" VARCHAR(20),
  "姓名" VARCHAR(50),
  "部门" VARCHAR(50),
  department_code VARCHAR(20),
  parent_department VARCHAR(50),
  parent_department_code VARCHAR(20),
  "职务" VARCHAR(50),
  "角色" VARCHAR(20),
  "区域" VARCHAR(50),
  manager_employee_number VARCHAR(20),
  mobile VARCHAR(30),
  email VARCHAR(100),
  "行业专长" VARCHAR(100),
  "入职日期" DATE,
  "离职日期" DATE,
  "状态" VARCHAR(20),
  "产能" INTEGER,
  updated_at TIMESTAMP
);
INSERT INTO hr_employees VALUES
  (1, 'E2001', '黄志强', '深圳分公司', 'SZ', '销售管理部', 'SM', '分公司经理', '负责人', '华南', NULL, '13800138201', 'huang.zhiqiang@example.cn', '制造业', '2021-06-01', NULL, '在职', 20, '2026-11-20 09:00:00'),
  (2, 'E2002', '林晓燕', '深圳分公司', 'SZ', '销售管理部', 'SM', '客户经理', '组长', '华南', 'E2001', '13800138202', 'lin.xiaoyan@example.cn', '制造业、物流业', '2022-03-15', NULL, '在职', 30, '2026-11-20 09:00:00'),
  (3, 'E2003', '陈家豪', '深圳分公司', 'SZ', '销售管理部', 'SM', '客户经理', '成员', '华南', 'E2002', '13800138203', 'chen.jiahao@example.cn', '零售业', '2023-09-01', NULL, '在职', 25, '2026-11-20 09:05:00'),
  (4, 'E2004', '吴佩珊', '深圳分公司', 'SZ', '销售管理部', 'SM', '销售代表', '成员', '华南', 'E2002', '13800138204', 'wu.peishan@example.cn', '零售业', '2024-02-19', NULL, '产假', 25, '2026-11-25 14:30:00'),
  (5, 'E2005', '郑宇航', '深圳分公司', 'SZ', '销售管理部', 'SM', '销售代表', '成员', '华南', 'E2002', '13800138205', 'zheng.yuhang@example.cn', '物流业', '2024-07-08', NULL, '在职', 25, '2026-11-26 10:00:00'),
  (6, 'E2006', '何嘉欣', '深圳分公司', 'SZ', '销售管理部', 'SM', '销售代表', '成员', '华南', 'E2002', '13800138206', 'he.jiaxin@example.cn', NULL, '2025-03-03', '2026-10-31', '离职', 0, '2026-11-01 18:00:00');
